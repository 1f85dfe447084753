import { Checkbox, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  INTEGRATOR_SCOPES,
  type IntegratorCreateInput,
  IntegratorCreateInputSchema,
  type IntegratorScope,
} from "../../../../shared/tenancy/integrator-client.ts";
import type { Tenant } from "../../../../shared/tenancy/tenant.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { validateWith } from "../../registry/risk-source-form/field-errors.ts";
import { jurisdictionText } from "../../tenancy/jurisdiction-text.ts";
import { SCOPE_KEY } from "./integrators-table.tsx";

export interface RegisterValues {
  name: string;
  scopes: IntegratorScope[];
  tenantId?: string;
  jurisdiction?: string;
}

interface Props {
  open: boolean;
  busy: boolean;
  form: ReturnType<typeof Form.useForm<RegisterValues>>[0];
  /** The government bodies the city admin registers for; undefined for an enterprise admin. */
  governments: readonly Tenant[] | undefined;
  /** The tenant the form starts with (the one the page lists). */
  tenantId: string | undefined;
  onCancel: () => void;
  onConfirm: (input: IntegratorCreateInput) => void;
}

/**
 * Register an integrator: a name and its scopes; the city admin also names the government body
 * it acts for and, optionally, a jurisdiction within that body's. Checked with the route's schema.
 */
export function RegisterDialog({
  open,
  busy,
  form,
  governments,
  tenantId,
  onCancel,
  onConfirm,
}: Props) {
  const { t } = useTranslation();
  const { language, pick } = useLanguage();
  const chosenId = Form.useWatch("tenantId", form);
  const chosen = governments?.find((g) => g.id === chosenId);
  const outer =
    chosen?.jurisdiction === undefined ? undefined : jurisdictionText(chosen.jurisdiction);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const required = t("tenancy.signUp.required");
  const confirm = async () => {
    const values = await form.validateFields();
    const jurisdiction = values.jurisdiction?.trim();
    const checked = validateWith(
      IntegratorCreateInputSchema,
      {
        name: values.name,
        scopes: values.scopes,
        ...(governments ? { tenantId: values.tenantId } : {}),
        ...(governments && jurisdiction ? { jurisdiction } : {}),
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
      title={t("tenancy.integrators.registerTitle")}
      okText={t("tenancy.integrators.register")}
      cancelText={t("tenancy.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        name="integrator"
        initialValues={{ scopes: ["read"], tenantId }}
      >
        <Form.Item
          name="name"
          label={t("tenancy.integrators.name")}
          rules={[{ required: true, whitespace: true, message: required }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t("tenancy.integrators.scopes")}
          rules={[{ required: true, message: required }]}
        >
          <Checkbox.Group
            options={INTEGRATOR_SCOPES.map((s) => ({ value: s, label: t(SCOPE_KEY[s]) }))}
          />
        </Form.Item>
        {governments && (
          <>
            <Form.Item
              name="tenantId"
              label={t("tenancy.integrators.tenant")}
              rules={[{ required: true, message: required }]}
              extra={
                outer
                  ? t("tenancy.integrators.tenantJurisdiction", { label: pick(outer) })
                  : undefined
              }
            >
              <Select
                showSearch={{ optionFilterProp: "label" }}
                options={governments.map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>
            <Form.Item
              name="jurisdiction"
              label={t("tenancy.integrators.jurisdiction")}
              extra={t("tenancy.integrators.jurisdictionHint")}
            >
              <Input maxLength={500} placeholder="d:110105" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
