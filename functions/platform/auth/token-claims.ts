import type { JWTPayload } from "jose";
import { CLAIM } from "../../../shared/tenancy/claims.ts";
import { type IntegratorClient, oauthScope } from "../../../shared/tenancy/integrator-client.ts";
import { stringifyClaims } from "./bearer-token.ts";

export type ClaimsVerdict =
  | { ok: true; claims: Record<string, string> }
  | { ok: false; reason: string };

/** The status of a user's record; undefined when there is none. */
export type UserStatusLookup = (tenantId: string, userId: string) => Promise<string | undefined>;

/** What a registered integrator's record contributes to its requests. */
export type IntegratorLookup = (
  clientId: string,
) => Promise<Pick<IntegratorClient, "tenantId" | "jurisdiction" | "scopes" | "status"> | undefined>;

/**
 * The claims a request runs with, from a verified token:
 * - a user's ID token issued to one of the web clients carries its tenancy claims itself (the
 *   pool's custom attributes, set by the tenancy API), and is let in only while the user's record
 *   is active — disabling a user refuses their tokens already issued;
 * - a client-credentials access token carries only `client_id` and `scope`: the integrator
 *   registry says which tenant and jurisdiction the client acts for, and a client that is not
 *   registered, or disabled, is refused. Its effective scopes are those both granted in the token
 *   and still registered.
 * Anything else (a user's access token, another client's ID token) is refused.
 */
export async function claimsForToken(
  payload: JWTPayload,
  webClientIds: readonly string[],
  lookups: { integrator: IntegratorLookup; userStatus: UserStatusLookup },
): Promise<ClaimsVerdict> {
  if (payload.token_use === "id") {
    const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    if (!audiences.some((a) => webClientIds.includes(a)))
      return { ok: false, reason: "audience not allowed" };
    const claims = stringifyClaims(payload);
    const tenantId = claims[CLAIM.tenantId];
    const userId = claims[CLAIM.userId] ?? claims.sub;
    if (!tenantId || !userId) return { ok: false, reason: "no tenant or user claim" };
    const status = await lookups.userStatus(tenantId, userId);
    if (status !== "active")
      return { ok: false, reason: `user ${userId} is ${status ?? "unknown"}` };
    return { ok: true, claims };
  }
  const clientId = typeof payload.client_id === "string" ? payload.client_id : undefined;
  if (payload.token_use !== "access" || !clientId || payload.aud !== undefined)
    return { ok: false, reason: "neither an ID token nor a client-credentials access token" };
  if (webClientIds.includes(clientId))
    return { ok: false, reason: "a user's access token; send the ID token" };
  const registered = await lookups.integrator(clientId);
  if (!registered)
    return { ok: false, reason: `client ${clientId} is not a registered integrator` };
  if (registered.status !== "active")
    return { ok: false, reason: `integrator ${clientId} is disabled` };
  const granted = new Set(typeof payload.scope === "string" ? payload.scope.split(" ") : []);
  const scopes = registered.scopes.map(oauthScope).filter((s) => granted.has(s));
  if (scopes.length === 0) return { ok: false, reason: "no registered scope granted" };
  return {
    ok: true,
    claims: {
      sub: clientId,
      client_id: clientId,
      token_use: "access",
      scope: scopes.join(" "),
      ...(typeof payload.exp === "number" ? { exp: String(payload.exp) } : {}),
      [CLAIM.tenantId]: registered.tenantId,
      [CLAIM.role]: "integrator",
      [CLAIM.jurisdiction]: registered.jurisdiction,
    },
  };
}
