import { Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { SupervisionDecisionInput } from "../../../../shared/risk/supervision-change.ts";

interface Props {
  decision: SupervisionDecisionInput["decision"] | undefined;
  subject: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (input: SupervisionDecisionInput) => void;
}

/** Approve (comment optional) or reject (comment required) one supervision change. */
export function DecisionDialog({ decision, subject, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);
  const reject = decision === "reject";
  const confirm = async () => {
    const { comment } = await form.validateFields();
    const text = comment?.trim();
    if (decision) onConfirm(text ? { decision, comment: text } : { decision });
  };
  return (
    <Modal
      open={decision !== undefined}
      title={t(reject ? "registry.supervision.rejectTitle" : "registry.supervision.approveTitle")}
      okText={t(reject ? "registry.supervision.reject" : "registry.supervision.approve")}
      okButtonProps={{ danger: reject }}
      cancelText={t("registry.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{subject}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t("registry.supervision.comment")}
          rules={
            reject
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t("registry.supervision.commentRequired"),
                  },
                ]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
