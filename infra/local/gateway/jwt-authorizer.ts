import { createLocalJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from "jose";

export interface JwtAuthorizerConfig {
  issuer: string;
  audiences: readonly string[];
  jwks: JSONWebKeySet;
}

export type AuthorizerResult =
  | { ok: true; claims: Record<string, string>; scopes: string[] | null }
  | { ok: false; reason: string };

/**
 * API Gateway's JWT authorizer hands claims to the integration as strings: arrays as `[a b]`,
 * numbers as their decimal text. Reproduced so handlers parse the same values in both targets.
 */
function stringifyClaims(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value)
      ? `[${value.join(" ")}]`
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  }
  return out;
}

/**
 * Verifies a bearer token as the HTTP API JWT authorizer does: RS256 signature by a key of the
 * JWKS (so `alg: none`, HMAC with the public key and unknown keys fail), `iss`, `exp` present and
 * in the future, `nbf` and `iat` (when present) not in the future, and `aud` — or `client_id` when
 * the token has no `aud` (Cognito access tokens).
 */
export function jwtAuthorizer(config: JwtAuthorizerConfig) {
  const keySet = createLocalJWKSet(config.jwks);
  return async (authorization: string | undefined): Promise<AuthorizerResult> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match?.[1]) return { ok: false, reason: "missing bearer token" };
    try {
      const { payload } = await jwtVerify(match[1], keySet, {
        issuer: config.issuer,
        algorithms: ["RS256"],
        requiredClaims: ["exp"],
      });
      // jose checks `iat` only together with maxTokenAge; API Gateway refuses a future `iat`.
      if (payload.iat !== undefined && payload.iat > Math.floor(Date.now() / 1000))
        return { ok: false, reason: "iat is in the future" };
      const audience =
        payload.aud ?? (typeof payload.client_id === "string" ? payload.client_id : undefined);
      const audiences = Array.isArray(audience) ? audience : audience ? [audience] : [];
      if (!audiences.some((a) => config.audiences.includes(a)))
        return { ok: false, reason: "audience not allowed" };
      const scopes =
        typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : null;
      return { ok: true, claims: stringifyClaims(payload), scopes };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  };
}
