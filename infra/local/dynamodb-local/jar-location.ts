import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `fetch-jar.mjs` (the root postinstall) extracts DynamoDB Local; keep the version in step. */
export const DYNAMODB_LOCAL_VERSION = "2.9.30";

export interface DynamoDbLocalJar {
  dir: string;
  jar: string;
  libDir: string;
}

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** Locates DynamoDBLocal.jar and its native libraries; throws with the fix when they are missing. */
export function resolveDynamoDbLocalJar(
  dir = join(repoRoot, "node_modules", ".cache", "dynamodb-local", DYNAMODB_LOCAL_VERSION),
): DynamoDbLocalJar {
  const jar = join(dir, "DynamoDBLocal.jar");
  const libDir = join(dir, "DynamoDBLocal_lib");
  if (!existsSync(jar) || !existsSync(libDir)) {
    throw new Error(
      `DynamoDB Local is missing (expected ${jar}). Run \`npm install\` in the repository root: ` +
        "its postinstall (infra/local/dynamodb-local/fetch-jar.mjs) extracts the jar.",
    );
  }
  return { dir, jar, libDir };
}
