import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import { useApi } from "../api/api-context.tsx";
import { fetchMe, type Me } from "../api/me.ts";
import { accountKeys } from "../api/query-keys/account.ts";

const CurrentUserContext = createContext<UseQueryResult<Me> | undefined>(undefined);

/** `/api/v1/me`, read once per sign-in; the header, navigation and pages share it. */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const client = useApi();
  const state = useQuery({
    queryKey: accountKeys.me(),
    queryFn: ({ signal }) => fetchMe(client, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <CurrentUserContext.Provider value={state}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): UseQueryResult<Me> {
  const state = useContext(CurrentUserContext);
  if (!state) throw new Error("useCurrentUser must be used inside <CurrentUserProvider>");
  return state;
}
