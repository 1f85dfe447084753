import { App, Button, Card, Descriptions, Form, Input, Result, Skeleton, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ROLE_LABELS } from "../../../../shared/tenancy/roles.ts";
import type { InvitationView } from "../../../../shared/tenancy/views.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { acceptInvitation, showInvitation } from "../../api/tenancy.ts";
import { paths } from "../../app/paths.ts";
import { useAuth } from "../../auth/auth-context.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { formatDate } from "../../registry/dates.ts";
import { showFieldErrors } from "../../tenancy/field-errors.ts";
import { PublicFrame } from "../../tenancy/public-frame.tsx";

interface PasswordValues {
  password: string;
  confirm: string;
}

/** 接受邀请 (public): the invitee sets a password, then is signed in with it. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const { token = "" } = useParams();
  const client = useApi();
  const { signIn, signOut } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [invitation, setInvitation] = useState<InvitationView | null>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    showInvitation(client, token).then(setInvitation, () => setInvitation(null));
  }, [client, token]);

  const accept = useCallback(
    async ({ password }: PasswordValues) => {
      if (!invitation) return;
      setSubmitting(true);
      try {
        await acceptInvitation(client, token, password);
        void message.success(t("tenancy.invitation.accepted"));
        signOut();
        await signIn(invitation.email, password);
        navigate(paths.home, { replace: true });
      } catch (error) {
        if (!showFieldErrors(form, error)) void message.error(errorText(error, t));
        setSubmitting(false);
      }
    },
    [client, token, invitation, message, t, signIn, signOut, navigate, form],
  );

  if (invitation === undefined) {
    return (
      <PublicFrame>
        <Skeleton active />
      </PublicFrame>
    );
  }
  if (invitation === null) {
    return (
      <PublicFrame>
        <Result
          status="warning"
          title={t("tenancy.invitation.invalid")}
          extra={<Link to={paths.signIn}>{t("tenancy.common.backToSignIn")}</Link>}
        />
      </PublicFrame>
    );
  }
  return (
    <PublicFrame>
      <Card
        title={t("tenancy.invitation.title")}
        style={{ maxWidth: 520, margin: "0 auto" }}
        data-testid="invitation"
      >
        <Typography.Paragraph>
          {t("tenancy.invitation.summary", {
            role: pick(ROLE_LABELS[invitation.role]),
            tenant: invitation.tenantName,
          })}
        </Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: "email", label: t("tenancy.invitation.email"), children: invitation.email },
            {
              key: "expires",
              label: " ",
              children: t("tenancy.invitation.expires", { date: formatDate(invitation.expiresAt) }),
            },
          ]}
        />
        <Form<PasswordValues>
          form={form}
          layout="vertical"
          name="invitation"
          onFinish={(v) => void accept(v)}
        >
          <Form.Item
            name="password"
            label={t("tenancy.invitation.password")}
            extra={t("tenancy.invitation.passwordHint")}
            rules={[{ required: true, min: 10, message: t("tenancy.invitation.passwordTooShort") }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t("tenancy.invitation.confirm")}
            dependencies={["password"]}
            rules={[
              { required: true, message: t("tenancy.invitation.mismatch") },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value !== getFieldValue("password"))
                    throw new Error(t("tenancy.invitation.mismatch"));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={submitting}
            data-testid="invitation-accept"
          >
            {t("tenancy.invitation.accept")}
          </Button>
        </Form>
      </Card>
    </PublicFrame>
  );
}
