import { Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WarningAction } from "../../../../shared/warnings/warning.ts";

interface Props {
  action: WarningAction | undefined;
  subject: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (note: string | undefined) => void;
}

/** Confirms a handling step with an optional note (签收 / 处置 / 办结 / 销号). */
export function StepDialog({ action, subject, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  useEffect(() => {
    if (action) setNote("");
  }, [action]);
  return (
    <Modal
      open={action !== undefined}
      title={action ? `${t(`warnings.${action}`)}：${subject}` : ""}
      okText={action ? t(`warnings.${action}`) : ""}
      cancelText={t("registry.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onConfirm(note.trim() || undefined)}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label={t("warnings.note")}
        placeholder={t("warnings.notePlaceholder")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 3 }}
        maxLength={1000}
      />
    </Modal>
  );
}
