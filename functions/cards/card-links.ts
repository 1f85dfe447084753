import { errors, jwtVerify, SignJWT } from "jose";
import { CardLinkExpiredError, CardLinkInvalidError } from "../../shared/cards/card-link.ts";

/**
 * The token behind a card's QR code: an HS256 JWT naming the source, signed with the card-link
 * secret from configuration and expiring (shared/cards/card-link.ts). It grants reading the
 * source's public fields and nothing else; no tenant session is involved.
 */
const ISSUER = "cityrisk";
const AUDIENCE = "risk-card";

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

export async function signCardLink(
  sourceId: string,
  secret: string,
  expiresAt: Date,
  now: Date,
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(sourceId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret));
}

/** The source id a valid link names; an expired link 410, anything else 404. */
export async function openCardLink(token: string, secret: string, now: Date): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    if (!payload.sub) throw new CardLinkInvalidError();
    return payload.sub;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new CardLinkExpiredError();
    throw new CardLinkInvalidError();
  }
}
