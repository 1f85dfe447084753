import { App } from "antd";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../auth/auth-context.tsx";
import { createHttpClient, type HttpClient } from "./http-client.ts";

const ApiContext = createContext<HttpClient | undefined>(undefined);

/**
 * Provides the API client; a 401 anywhere forgets the user here, and the protected page sends
 * the browser through the provider again (where a disabled account cannot sign in).
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { getToken, forget } = useAuth();
  const { message } = App.useApp();
  const { t, i18n } = useTranslation();
  const client = useMemo(
    () =>
      createHttpClient({
        getToken,
        getLanguage: () => i18n.language,
        onUnauthorized: () => {
          void forget();
          void message.warning({ content: t("auth.sessionExpired"), key: "session-expired" });
        },
      }),
    [getToken, forget, message, t, i18n],
  );
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): HttpClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error("useApi must be used inside <ApiProvider>");
  return client;
}
