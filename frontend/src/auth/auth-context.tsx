import type { User } from "oidc-client-ts";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { AuthProvider as OidcProvider, useAuth as useOidc } from "react-oidc-context";
import {
  type AuthConfig,
  isLocalStack,
  signoutParams,
  userManagerSettings,
} from "./auth-config.ts";

/** What the app knows of the signed-in user before `/api/v1/me` answers. */
export interface Session {
  email: string;
}

export interface AuthState {
  session: Session | undefined;
  /** True while the provider's answer or a stored user is being read. */
  isLoading: boolean;
  /** Sends the browser to the provider's sign-in page; back at `returnTo` afterwards. */
  signIn: (returnTo: string, options?: { loginHint?: string; fresh?: boolean }) => Promise<void>;
  /**
   * Ends the session here and at the provider (its sign-out page returns to `/sign-in`). Called
   * by the `/sign-out` page only: a protected page would start a sign-in once the user is gone.
   */
  signOut: () => Promise<void>;
  /** Forgets the user here only (a refused token): the next protected page signs in again. */
  forget: () => Promise<void>;
  /** The current ID token — what the API's authorizer accepts from the web client. */
  getToken: () => string | undefined;
  /** Whether the app runs on the local stack (its `/local/*` pages exist there only). */
  localStack: boolean;
}

/** The page to return to after sign-in, carried through the provider in the OIDC `state`. */
export function returnToOf(user: User | null | undefined): string {
  const state = user?.state;
  if (typeof state === "object" && state !== null && "returnTo" in state) {
    const { returnTo } = state;
    // Only a path on this origin: never an open redirect.
    if (typeof returnTo === "string" && returnTo.startsWith("/") && !returnTo.startsWith("//"))
      return returnTo;
  }
  return "/";
}

function useAuthState(config: AuthConfig): AuthState {
  const oidc = useOidc();
  const { i18n } = useTranslation();
  const user = oidc.user && !oidc.user.expired ? oidc.user : undefined;
  const latest = useRef(user);
  latest.current = user;
  const email = typeof user?.profile.email === "string" ? user.profile.email : undefined;
  const session = useMemo(() => (email ? { email } : undefined), [email]);

  const signIn = useCallback<AuthState["signIn"]>(
    (returnTo, options = {}) =>
      oidc.signinRedirect({
        state: { returnTo },
        ui_locales: i18n.language,
        ...(options.loginHint ? { login_hint: options.loginHint } : {}),
        ...(options.fresh ? { prompt: "login" } : {}),
      }),
    [oidc.signinRedirect, i18n],
  );

  const signOut = useCallback(async () => {
    const params = signoutParams(config, latest.current?.id_token);
    try {
      // Forgets the user, then leaves for the provider's logout.
      await oidc.signoutRedirect(params);
    } catch (error) {
      await oidc.removeUser();
      throw error;
    }
  }, [oidc.removeUser, oidc.signoutRedirect, config]);

  const forget = useCallback(() => oidc.removeUser(), [oidc.removeUser]);
  const getToken = useCallback(() => latest.current?.id_token, []);
  const localStack = isLocalStack(config);

  return useMemo(
    () => ({ session, isLoading: oidc.isLoading, signIn, signOut, forget, getToken, localStack }),
    [session, oidc.isLoading, signIn, signOut, forget, getToken, localStack],
  );
}

const AuthContext = createContext<AuthState | undefined>(undefined);

function AuthStateProvider({ config, children }: { config: AuthConfig; children: ReactNode }) {
  const state = useAuthState(config);
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

/**
 * OpenID Connect sign-in (oidc-client-ts through react-oidc-context): the local provider or
 * Cognito's managed login, whichever `/auth-config.json` names. The user is kept in
 * sessionStorage: the session ends with the tab and is never shared across tabs.
 */
export function AuthProvider({ config, children }: { config: AuthConfig; children: ReactNode }) {
  const settings = useMemo(() => userManagerSettings(config), [config]);
  return (
    <OidcProvider
      {...settings}
      // The callback page navigates on; here the code and state only leave the address bar.
      onSigninCallback={() =>
        window.history.replaceState(window.history.state, "", window.location.pathname)
      }
    >
      <AuthStateProvider config={config}>{children}</AuthStateProvider>
    </OidcProvider>
  );
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth must be used inside <AuthProvider>");
  return state;
}

/** The signed-in user as the provider returned it (the callback page reads its `state`). */
export { useAuth as useOidcAuth } from "react-oidc-context";
