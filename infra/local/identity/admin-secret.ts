import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writePrivateFile } from "../private-files.ts";

/** Where the local admin secret of a data folder is kept (0600). */
export function adminSecretFile(dataDir: string): string {
  return join(dataDir, "local-admin-secret");
}

/**
 * The local stack's one admin secret, generated once per data folder: the identity provider's
 * admin endpoint and the `/local/*` routes take it as `Authorization: Bearer <secret>`. Kept on
 * disk (owner-only) so a developer reads it from the folder, not from a log.
 */
export function loadOrCreateAdminSecret(dataDir: string): string {
  const file = adminSecretFile(dataDir);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  writePrivateFile(file, `${secret}\n`);
  return secret;
}
