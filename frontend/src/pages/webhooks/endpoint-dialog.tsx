import { Checkbox, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { EVENT_CATALOG } from "../../../../events/catalog.ts";
import { LEVELS, type Level } from "../../../../shared/methodology/levels.ts";
import {
  type EndpointCreateInput,
  EndpointCreateInputSchema,
} from "../../../../shared/webhooks/endpoint.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { validateWith } from "../../registry/risk-source-form/field-errors.ts";

export interface EndpointValues {
  url: string;
  eventTypes: string[];
  levels?: Level[];
}

interface Props {
  open: boolean;
  busy: boolean;
  form: ReturnType<typeof Form.useForm<EndpointValues>>[0];
  onCancel: () => void;
  onConfirm: (input: EndpointCreateInput) => void;
}

/** A new endpoint: its URL, the event types it takes (from the catalog) and, optionally, levels. */
export function EndpointDialog({ open, busy, form, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const { language, pick } = useLanguage();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const required = t("webhooks.required");
  const confirm = async () => {
    const values = await form.validateFields();
    const checked = validateWith(
      EndpointCreateInputSchema,
      {
        url: values.url?.trim(),
        eventTypes: values.eventTypes,
        ...(values.levels?.length ? { filters: { levels: values.levels } } : {}),
      },
      language,
      required,
    );
    if (!checked.ok) {
      form.setFields(checked.fields as Parameters<typeof form.setFields>[0]);
      return;
    }
    onConfirm(checked.data);
  };
  return (
    <Modal
      open={open}
      title={t("webhooks.createTitle")}
      okText={t("webhooks.create")}
      cancelText={t("webhooks.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      okButtonProps={{ "data-testid": "webhook-create-ok" } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Form<EndpointValues> form={form} layout="vertical" name="webhook-endpoint">
        <Form.Item
          name="url"
          label={t("webhooks.url")}
          extra={t("webhooks.urlHint")}
          rules={[{ required: true, whitespace: true, message: required }]}
        >
          <Input maxLength={2000} placeholder="https://example.com/webhooks/cityrisk" />
        </Form.Item>
        <Form.Item
          name="eventTypes"
          label={t("webhooks.eventTypes")}
          rules={[{ required: true, message: required }]}
        >
          <Checkbox.Group
            style={{ display: "flex", flexDirection: "column", gap: 4 }}
            options={EVENT_CATALOG.map((e) => ({
              value: e.type,
              label: `${e.type} — ${pick(e.summary)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="levels" label={t("webhooks.levels")} extra={t("webhooks.levelsHint")}>
          <Select
            mode="multiple"
            allowClear
            options={LEVELS.map((l) => ({ value: l, label: t(`levels.names.${l}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
