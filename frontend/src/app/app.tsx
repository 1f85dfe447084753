import { App as AntdApp, ConfigProvider } from "antd";
import { useMemo, useState } from "react";
import { RouterProvider } from "react-router";
import { ApiProvider } from "../api/api-context.tsx";
import type { AuthConfig } from "../auth/auth-config.ts";
import { AuthProvider } from "../auth/auth-context.tsx";
import { ANTD_LOCALES } from "../i18n/antd-locale.ts";
import { useLanguage } from "../i18n/use-language.ts";
import { useReducedMotion } from "../theme/reduced-motion.ts";
import { appTheme } from "../theme/theme.ts";
import { QueryProvider } from "./query-provider.tsx";
import { createAppRouter } from "./router.tsx";

/**
 * Providers, outermost first: antd locale+theme → antd App (message) → auth → API → server-data
 * cache → router.
 */
export function App({ authConfig }: { authConfig: AuthConfig }) {
  const { language } = useLanguage();
  const [router] = useState(createAppRouter);
  const reducedMotion = useReducedMotion();
  const theme = useMemo(
    () => (reducedMotion ? { ...appTheme, token: { ...appTheme.token, motion: false } } : appTheme),
    [reducedMotion],
  );
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={theme}>
      <AntdApp>
        <AuthProvider config={authConfig}>
          <ApiProvider>
            <QueryProvider>
              <RouterProvider router={router} />
            </QueryProvider>
          </ApiProvider>
        </AuthProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
