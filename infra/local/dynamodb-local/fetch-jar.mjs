// Fetches only DynamoDB Local's jar from the npm package that carries it: a plain install of
// amplify-dynamodb-simulator drags in ~300 MB of unrelated dependencies (toolchain.md).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "amplify-dynamodb-simulator@2.9.30";
const INTEGRITY =
  "sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==";

const root = fileURLToPath(new URL("../../..", import.meta.url));
export const emulatorDir = join(root, "node_modules", ".cache", "dynamodb-local", "2.9.30");

if (existsSync(join(emulatorDir, "DynamoDBLocal.jar"))) {
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), "cityrisk-ddb-"));
try {
  const out = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", work], {
    encoding: "utf8",
  }).trim();
  const tarball = join(work, out.split("\n").pop());
  const digest = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  if (digest !== INTEGRITY) {
    throw new Error(`integrity mismatch for ${PACKAGE}: got ${digest}`);
  }
  execFileSync("tar", ["-xzf", tarball, "-C", work, "package/emulator"]);
  mkdirSync(join(emulatorDir, ".."), { recursive: true });
  rmSync(emulatorDir, { recursive: true, force: true });
  renameSync(join(work, "package", "emulator"), emulatorDir);
  console.log(`DynamoDB Local extracted to ${emulatorDir}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
