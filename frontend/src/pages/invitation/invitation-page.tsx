import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Form, Input, Result, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ROLE_LABELS } from "../../../../shared/tenancy/roles.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { tenancyKeys } from "../../api/query-keys/tenancy.ts";
import { acceptInvitation, showInvitation } from "../../api/tenancy.ts";
import { LoadError } from "../../app/load-error.tsx";
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
  const { signIn, forget } = useAuth();
  const [form] = Form.useForm<PasswordValues>();
  const shown = useQuery({
    queryKey: tenancyKeys.invitation(token),
    queryFn: ({ signal }) => showInvitation(client, token, signal),
  });
  const invitation = shown.data;

  /**
   * Sets the password, then sends the invitee to the provider's sign-in page with the e-mail
   * filled in, asking for a fresh sign-in there (any other user signed in before is replaced).
   */
  const accept = useMutation({
    mutationFn: async ({ password }: PasswordValues) => {
      if (!invitation) return;
      await acceptInvitation(client, token, password);
      void message.success(t("tenancy.invitation.accepted"));
      await forget();
      await signIn(paths.home, { loginHint: invitation.email, fresh: true });
    },
    onError: (error) => {
      if (!showFieldErrors(form, error)) void message.error(errorText(error, t));
    },
  });

  if (shown.error && !(shown.error instanceof ApiError && shown.error.status < 500)) {
    return (
      <PublicFrame>
        <LoadError error={shown.error} onRetry={() => void shown.refetch()} />
      </PublicFrame>
    );
  }
  if (shown.isPending) {
    return (
      <PublicFrame>
        <Skeleton active />
      </PublicFrame>
    );
  }
  if (!invitation) {
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
          onFinish={(v) => accept.mutate(v)}
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
            loading={accept.isPending || accept.isSuccess}
            data-testid="invitation-accept"
          >
            {t("tenancy.invitation.accept")}
          </Button>
        </Form>
      </Card>
    </PublicFrame>
  );
}
