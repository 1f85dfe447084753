import { createContext, type ReactNode, useContext } from "react";
import { fetchMe, type Me } from "../api/me.ts";
import { type QueryState, useApiQuery } from "../api/use-api-query.ts";

const CurrentUserContext = createContext<QueryState<Me> | undefined>(undefined);

/** Loads `/api/v1/me` once per signed-in layout; the header, navigation and pages share it. */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const state = useApiQuery(fetchMe);
  return <CurrentUserContext.Provider value={state}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): QueryState<Me> {
  const state = useContext(CurrentUserContext);
  if (!state) throw new Error("useCurrentUser must be used inside <CurrentUserProvider>");
  return state;
}
