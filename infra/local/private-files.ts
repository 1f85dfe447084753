import { chmodSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * A folder of the local stack holding secrets or mail, readable by its owner only (0700). An
 * existing folder is narrowed too: mail and keys written by earlier versions were world-readable.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Writes a file only its owner may read (0600), whole or not at all: a temporary file created
 * with the mode, then renamed over the target, so no reader sees it half written or open. A
 * missing folder is created owner-only; an existing one is left as it is (it may be the data
 * folder a developer chose).
 */
export function writePrivateFile(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.tmp`;
  writeFileSync(temp, data, { mode: 0o600 });
  // A stale temp file from a crash keeps its old mode through writeFileSync; set it again.
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}
