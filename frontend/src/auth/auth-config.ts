import type { UserManagerSettings } from "oidc-client-ts";

/**
 * The web app's sign-in settings, read at start-up from `/auth-config.json`: the local gateway
 * answers it from the started stack; on AWS the Frontend stack writes it next to the app with
 * the user pool's values. One build serves every target (conventions: no hard-coded endpoints).
 */
export interface AuthConfig {
  /** The OpenID provider's issuer (discovery at `<authority>/.well-known/openid-configuration`). */
  authority: string;
  clientId: string;
  /**
   * `oidc`: RP-initiated logout at the provider's `end_session_endpoint` (the local provider).
   * `cognito`: Cognito's `/logout`, which wants `client_id` and `logout_uri` instead.
   */
  signOut: "oidc" | "cognito";
  /** Cognito's `https://<domain>/logout` (its discovery document names no logout endpoint). */
  logoutUrl?: string;
}

function isAuthConfig(value: unknown): value is AuthConfig {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.authority === "string" &&
    typeof v.clientId === "string" &&
    (v.signOut === "oidc" || v.signOut === "cognito")
  );
}

export async function loadAuthConfig(): Promise<AuthConfig> {
  const response = await fetch("/auth-config.json", { headers: { Accept: "application/json" } });
  const body: unknown = response.ok ? await response.json() : undefined;
  if (!isAuthConfig(body)) throw new Error("/auth-config.json is missing or malformed");
  return body;
}

/**
 * Whether the app runs on the local stack: only the local gateway names its own OpenID provider
 * (`signOut: "oidc"`); on AWS the deployed config names Cognito. Local-only pages (the local SMS
 * outbox) are offered in the menu on the local stack only: on AWS their `/local/*` routes do not
 * exist.
 */
export function isLocalStack(config: AuthConfig): boolean {
  return config.signOut === "oidc";
}

export const CALLBACK_PATH = "/auth/callback";
export const SIGNED_OUT_PATH = "/sign-in";

/** Authorization code with PKCE (oidc-client-ts' default), renewed by refresh token. */
export function userManagerSettings(
  config: AuthConfig,
  origin = window.location.origin,
): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    // Cognito's /logout takes `logout_uri` instead (signoutParams); with a
    // post_logout_redirect_uri oidc-client-ts would add a second `client_id` there.
    ...(config.signOut === "oidc"
      ? { post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}` }
      : {}),
    response_type: "code",
    scope: "openid email profile",
    automaticSilentRenew: true,
    loadUserInfo: false,
    ...(config.logoutUrl ? { metadataSeed: { end_session_endpoint: config.logoutUrl } } : {}),
  };
}

/** What `signoutRedirect` adds to the provider's logout URL, per provider. */
export function signoutParams(
  config: AuthConfig,
  idToken: string | undefined,
  origin = window.location.origin,
): { id_token_hint?: string; extraQueryParams?: Record<string, string> } {
  if (config.signOut === "cognito") {
    // Cognito's /logout: `client_id` and `logout_uri` (one of the client's sign-out URLs).
    return {
      extraQueryParams: { client_id: config.clientId, logout_uri: `${origin}${SIGNED_OUT_PATH}` },
    };
  }
  return idToken ? { id_token_hint: idToken } : {};
}
