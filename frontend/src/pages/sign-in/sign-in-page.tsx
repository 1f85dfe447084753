import { Button, Card, Layout, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { AppHeader } from "../../app/app-header.tsx";
import { paths } from "../../app/paths.ts";
import { useAuth } from "../../auth/auth-context.tsx";

function redirectTarget(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const { from } = state;
    if (typeof from === "string" && from.startsWith("/") && from !== paths.signIn) return from;
  }
  return paths.home;
}

/**
 * `/sign-in`: where signing out lands, with the way back in. The credentials themselves are
 * asked by the OpenID provider's page (the local provider, or Cognito's managed login).
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { session, signIn } = useAuth();
  const location = useLocation();
  const [leaving, setLeaving] = useState(false);
  const target = redirectTarget(location.state);

  if (session) return <Navigate to={target} replace />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <AppHeader />
      <Layout.Content style={{ padding: 24, maxWidth: 1080, width: "100%", margin: "0 auto" }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("app.tagline")}
        </Typography.Paragraph>
        <Card title={t("auth.signInTitle")} style={{ maxWidth: 420, margin: "0 auto" }}>
          <Button
            type="primary"
            block
            loading={leaving}
            data-testid="sign-in"
            onClick={() => {
              setLeaving(true);
              void signIn(target).catch(() => setLeaving(false));
            }}
          >
            {t("auth.submit")}
          </Button>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
            <Link to={paths.signUp} data-testid="sign-up-link">
              {t("tenancy.signUp.link")}
            </Link>
          </Typography.Paragraph>
        </Card>
      </Layout.Content>
    </Layout>
  );
}
