import { Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { rolesForTenantKind } from "../../../../shared/tenancy/membership.ts";
import type { InvitationCreateInput } from "../../../../shared/tenancy/requests.ts";
import { ROLE_LABELS, type Role } from "../../../../shared/tenancy/roles.ts";
import type { TenantKind } from "../../../../shared/tenancy/tenant.ts";
import { useLanguage } from "../../i18n/use-language.ts";

type InviteValues = Omit<InvitationCreateInput, "tenantId">;

interface Props {
  open: boolean;
  kind: TenantKind;
  busy: boolean;
  form: ReturnType<typeof Form.useForm<InviteValues>>[0];
  onCancel: () => void;
  onConfirm: (input: InviteValues) => void;
}

/** Invite one user: e-mail, name, a role the tenant's kind allows, an official's jurisdiction. */
export function InviteDialog({ open, kind, busy, form, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const roles = rolesForTenantKind(kind) as readonly Exclude<Role, "integrator">[];
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const required = [{ required: true, whitespace: true, message: t("tenancy.signUp.required") }];
  const confirm = async () => {
    const values = await form.validateFields();
    const jurisdiction = values.jurisdiction?.trim();
    onConfirm({
      email: values.email.trim(),
      name: values.name.trim(),
      role: values.role,
      ...(kind === "government" && jurisdiction ? { jurisdiction } : {}),
    });
  };
  return (
    <Modal
      open={open}
      title={t("tenancy.users.inviteTitle")}
      okText={t("tenancy.users.invite")}
      cancelText={t("tenancy.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Form<InviteValues>
        form={form}
        layout="vertical"
        name="invite"
        initialValues={{ role: roles[roles.length > 1 ? 1 : 0] }}
      >
        <Form.Item
          name="email"
          label={t("tenancy.users.email")}
          rules={[...required, { type: "email", message: t("tenancy.signUp.fieldInvalid") }]}
        >
          <Input type="email" maxLength={100} />
        </Form.Item>
        <Form.Item name="name" label={t("tenancy.users.name")} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label={t("tenancy.users.role")} rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))} />
        </Form.Item>
        {kind === "government" && (
          <Form.Item
            name="jurisdiction"
            label={t("tenancy.users.jurisdiction")}
            extra={t("tenancy.users.jurisdictionHint")}
            rules={required}
          >
            <Input maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
