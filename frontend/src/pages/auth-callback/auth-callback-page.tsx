import { Button, Flex, Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { paths } from "../../app/paths.ts";
import { returnToOf, useOidcAuth } from "../../auth/auth-context.tsx";

/**
 * `/auth/callback`: the provider's answer. react-oidc-context exchanges the code (PKCE) on
 * start-up; once the user is in, this page goes on to the page the visitor first asked for.
 */
export function AuthCallbackPage() {
  const { t } = useTranslation();
  const oidc = useOidcAuth();
  if (oidc.user) return <Navigate to={returnToOf(oidc.user)} replace />;
  if (oidc.error) {
    return (
      <Result
        status="warning"
        title={t("auth.signInFailed", { detail: oidc.error.message })}
        extra={
          <Button type="primary" href={paths.signIn}>
            {t("auth.signInTitle")}
          </Button>
        }
      />
    );
  }
  return (
    <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
      <Spin size="large" />
    </Flex>
  );
}
