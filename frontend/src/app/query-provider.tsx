import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { createQueryClient } from "../api/query-client.ts";
import { useAuth } from "../auth/auth-context.tsx";

/**
 * Problem titles come in the language the request asked for; after a language switch the failed
 * queries are asked again, so the errors on screen follow the rest of the page.
 */
function useRefetchFailedOnLanguageChange(client: QueryClient): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    const refetchFailed = () =>
      void client.refetchQueries({ predicate: (q) => q.state.status === "error" });
    i18n.on("languageChanged", refetchFailed);
    return () => i18n.off("languageChanged", refetchFailed);
  }, [client, i18n]);
}

/** The server-data cache, one per signed-in user: what one user read is never shown to the next. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const owner = useAuth().session?.email;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the owner is the cache's identity
  const client = useMemo(createQueryClient, [owner]);
  useRefetchFailedOnLanguageChange(client);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
