import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { requestToken } from "./oauth.ts";
import { clearSession, loadSession, type Session, saveSession } from "./token-storage.ts";

export interface AuthState {
  session: Session | undefined;
  /** Throws OAuthError on rejected credentials. */
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => void;
  /** The current, unexpired access token; reads storage so it is never stale in callbacks. */
  getToken: () => string | undefined;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(loadSession);

  const signIn = useCallback(async (email: string, password: string) => {
    const next = await requestToken(email, password);
    saveSession(next);
    setSession(next);
  }, []);

  const signOut = useCallback(() => {
    clearSession();
    setSession(undefined);
  }, []);

  const getToken = useCallback(() => loadSession()?.accessToken, []);

  const value = useMemo(
    () => ({ session, signIn, signOut, getToken }),
    [session, signIn, signOut, getToken],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth must be used inside <AuthProvider>");
  return state;
}
