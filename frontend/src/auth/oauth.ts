import type { LocalizedText } from "../i18n/languages.ts";
import type { Session } from "./token-storage.ts";

export const CLIENT_ID = "cityrisk-web";

/** An OAuth 2.0 error answer from `/oauth2/token` (RFC 6749 §5.2). */
export class OAuthError extends Error {
  override readonly name = "OAuthError";
  constructor(
    readonly error: string,
    readonly description: string | undefined,
    readonly status: number,
  ) {
    super(description ?? error);
  }
}

interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}

function isTokenResponse(body: unknown): body is TokenResponse {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.access_token === "string" && typeof b.expires_in === "number";
}

/** Resource-owner password grant against the identity provider (local IdP or Cognito proxy). */
export async function requestToken(email: string, password: string): Promise<Session> {
  const response = await fetch("/oauth2/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "password",
      username: email,
      password,
      client_id: CLIENT_ID,
    }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isTokenResponse(body)) {
    return {
      accessToken: body.access_token,
      expiresAt: Date.now() + body.expires_in * 1000,
      email,
    };
  }
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  throw new OAuthError(
    typeof b.error === "string" ? b.error : "server_error",
    typeof b.error_description === "string" ? b.error_description : undefined,
    response.status,
  );
}

/** A demo account the local stack offers on the sign-in page. */
export interface DemoUser {
  email: string;
  password: string;
  label: LocalizedText;
  role: string;
  tenantName: LocalizedText;
}

/** The local stack's demo users; undefined where the endpoint does not exist (AWS). */
export async function fetchDemoUsers(signal?: AbortSignal): Promise<DemoUser[] | undefined> {
  const response = await fetch("/local/demo-users", {
    headers: { Accept: "application/json" },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) return undefined;
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return undefined; // an SPA fallback page is not a list
  const body: unknown = await response.json();
  return Array.isArray(body) ? (body as DemoUser[]) : undefined;
}
