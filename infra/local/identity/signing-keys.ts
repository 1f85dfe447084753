import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * The local identity provider's RS256 key pair (Cognito signs with RS256 too). Kept in the data
 * folder so tokens issued before a restart stay valid after it.
 */
export async function loadOrCreateSigningKeys(file: string): Promise<SigningKeys> {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as {
      kid: string;
      privateJwk: JWK;
      publicJwk: JWK;
    };
    const privateKey = (await importJWK(stored.privateJwk, "RS256")) as CryptoKey;
    return { kid: stored.kid, privateKey, publicJwk: stored.publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ kid, privateJwk, publicJwk }), { mode: 0o600 });
  return { kid, privateKey, publicJwk };
}
