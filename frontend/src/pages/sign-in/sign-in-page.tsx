import { useQuery } from "@tanstack/react-query";
import { App, Card, Col, Layout, Row, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { accountKeys } from "../../api/query-keys/account.ts";
import { AppHeader } from "../../app/app-header.tsx";
import { paths } from "../../app/paths.ts";
import { useAuth } from "../../auth/auth-context.tsx";
import { fetchDemoUsers, OAuthError } from "../../auth/oauth.ts";
import { DemoUserList } from "./demo-user-list.tsx";
import { type Credentials, SignInForm } from "./sign-in-form.tsx";

/** The local stack's demo accounts; none where the endpoint does not exist (AWS) or fails. */
function useDemoUsers() {
  return useQuery({
    queryKey: accountKeys.demoUsers(),
    queryFn: ({ signal }) => fetchDemoUsers(signal).then((users) => users ?? []),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  }).data;
}

function redirectTarget(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const { from } = state;
    if (typeof from === "string" && from.startsWith("/") && from !== paths.signIn) return from;
  }
  return paths.home;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, signIn } = useAuth();
  const location = useLocation();
  const demoUsers = useDemoUsers();
  const [submitting, setSubmitting] = useState(false);

  if (session) return <Navigate to={redirectTarget(location.state)} replace />;

  const submit = async ({ email, password }: Credentials) => {
    setSubmitting(true);
    try {
      await signIn(email, password);
    } catch (error) {
      const text =
        error instanceof OAuthError && error.error === "invalid_grant"
          ? t("auth.invalidCredentials")
          : t("auth.signInFailed", { detail: error instanceof Error ? error.message : "" });
      void message.error(text);
      setSubmitting(false);
    }
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <AppHeader />
      <Layout.Content style={{ padding: 24, maxWidth: 1080, width: "100%", margin: "0 auto" }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("app.tagline")}
        </Typography.Paragraph>
        <Row gutter={[24, 24]}>
          <Col xs={24} md={demoUsers?.length ? 9 : 24} lg={demoUsers?.length ? 8 : 24}>
            <Card title={t("auth.signInTitle")} style={{ maxWidth: 420, margin: "0 auto" }}>
              <SignInForm submitting={submitting} onSubmit={submit} />
              <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
                <Link to={paths.signUp} data-testid="sign-up-link">
                  {t("tenancy.signUp.link")}
                </Link>
              </Typography.Paragraph>
            </Card>
          </Col>
          {demoUsers && demoUsers.length > 0 && (
            <Col xs={24} md={15} lg={16}>
              <DemoUserList
                users={demoUsers}
                disabled={submitting}
                onPick={(user) => void submit(user)}
              />
            </Col>
          )}
        </Row>
      </Layout.Content>
    </Layout>
  );
}
