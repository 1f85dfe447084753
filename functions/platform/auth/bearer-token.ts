import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";

export type TokenVerdict = { ok: true; payload: JWTPayload } | { ok: false; reason: string };

/**
 * Verifies a bearer token as API Gateway's JWT authorizer would: RS256 signature by a key of the
 * issuer's JWKS (so `alg: none`, HMAC keyed with the public key and unknown keys fail), `iss`,
 * `exp` present and in the future, `nbf` and `iat` (when present) not in the future. Which
 * audience is acceptable is the caller's question (token-claims.ts).
 */
export async function verifyBearer(
  authorization: string | undefined,
  keys: JWTVerifyGetKey,
  issuer: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<TokenVerdict> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) return { ok: false, reason: "missing bearer token" };
  try {
    const { payload } = await jwtVerify(match[1], keys, {
      issuer,
      algorithms: ["RS256"],
      requiredClaims: ["exp"],
      currentDate: new Date(nowSeconds * 1000),
    });
    // jose checks `iat` only together with maxTokenAge; a token from the future is refused.
    if (payload.iat !== undefined && payload.iat > nowSeconds)
      return { ok: false, reason: "iat is in the future" };
    return { ok: true, payload };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/**
 * Claims as strings, the way API Gateway hands an authorizer's context (and JWT claims) to the
 * integration: arrays as `[a b]`, numbers as their decimal text.
 */
export function stringifyClaims(payload: JWTPayload): Record<string, string> {
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
