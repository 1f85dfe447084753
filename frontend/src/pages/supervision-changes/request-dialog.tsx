import { Form, Input, Modal, Select } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DISTRICTS } from "../../../../shared/catalogs/districts.ts";
import { INDUSTRIES } from "../../../../shared/catalogs/industries.ts";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import type { SupervisionChangeInput } from "../../../../shared/risk/supervision-change.ts";
import { useLanguage } from "../../i18n/use-language.ts";

interface Values {
  target: string;
  district: SupervisionChangeInput["to"]["district"];
  street: string;
  industry: SupervisionChangeInput["to"]["industry"];
  industryDepartment?: string;
  reason: string;
}

const ENTERPRISE = "enterprise";

interface Props {
  open: boolean;
  sources: readonly RiskSource[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (input: SupervisionChangeInput) => void;
}

/** The enterprise asks for new supervision of itself or of one of its sources. */
export function RequestDialog({ open, sources, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const required = [
    { required: true, whitespace: true, message: t("registry.supervision.required") },
  ];
  const targets = useMemo(
    () => [
      { value: ENTERPRISE, label: t("registry.supervision.targetEnterprise") },
      ...sources.map((s) => ({
        value: s.id,
        label: `${t("registry.supervision.targetSource")}：${s.name}`,
      })),
    ],
    [sources, t],
  );
  const confirm = async () => {
    const v = await form.validateFields();
    const department = v.industryDepartment?.trim();
    onConfirm({
      target:
        v.target === ENTERPRISE ? { type: "enterprise" } : { type: "riskSource", id: v.target },
      to: { district: v.district, street: v.street.trim(), industry: v.industry },
      ...(department ? { industryDepartment: department } : {}),
      reason: v.reason.trim(),
    });
  };
  return (
    <Modal
      open={open}
      title={t("registry.supervision.requestTitle")}
      okText={t("registry.supervision.request")}
      cancelText={t("registry.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ target: ENTERPRISE }}>
        <Form.Item name="target" label={t("registry.supervision.target")} rules={required}>
          <Select options={targets} />
        </Form.Item>
        <Form.Item name="district" label={t("registry.supervision.district")} rules={required}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={DISTRICTS.map((d) => ({ value: d.code, label: pick(d.name) }))}
          />
        </Form.Item>
        <Form.Item name="street" label={t("registry.supervision.street")} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="industry" label={t("registry.supervision.industry")} rules={required}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={INDUSTRIES.map((i) => ({ value: i.id, label: pick(i.name) }))}
          />
        </Form.Item>
        <Form.Item name="industryDepartment" label={t("registry.supervision.industryDepartment")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reason" label={t("registry.supervision.reason")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
