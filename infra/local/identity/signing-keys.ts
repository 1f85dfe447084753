import { chmodSync, existsSync, readFileSync } from "node:fs";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { writePrivateFile } from "../private-files.ts";

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** The same key as a JWK, for the OpenID provider's `jwks` (one key set for every token). */
  privateJwk: JWK;
  publicJwk: JWK;
}

/**
 * The local identity provider's RS256 key pair (Cognito signs with RS256 too). Kept in the data
 * folder so tokens issued before a restart stay valid after it.
 */
export async function loadOrCreateSigningKeys(file: string): Promise<SigningKeys> {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const stored = JSON.parse(readFileSync(file, "utf8")) as {
      kid: string;
      privateJwk: JWK;
      publicJwk: JWK;
    };
    const privateKey = (await importJWK(stored.privateJwk, "RS256")) as CryptoKey;
    return {
      kid: stored.kid,
      privateKey,
      privateJwk: stored.privateJwk,
      publicJwk: stored.publicJwk,
    };
  }
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  writePrivateFile(file, JSON.stringify({ kid, privateJwk, publicJwk }));
  return { kid, privateKey, privateJwk, publicJwk };
}
