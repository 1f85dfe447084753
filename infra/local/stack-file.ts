import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where a running local stack's data lives, for operator commands (`npm run outbox`). */
export interface StackFile {
  dynamodbEndpoint: string;
  tableName: string;
  /** The SNS/SQS emulator and the resource prefix, for `npm run redrive`. */
  awsEndpoint?: string;
  prefix?: string;
  /** The documents bucket, for `npm run stats -- reconcile`. */
  bucketName?: string;
}

function path(dataDir: string): string {
  return join(dataDir, "local-stack.json");
}

export function writeStackFile(dataDir: string, facts: StackFile): void {
  writeFileSync(path(dataDir), JSON.stringify(facts, null, 2), { mode: 0o600 });
}

export function readStackFile(dataDir: string): StackFile {
  return JSON.parse(readFileSync(path(dataDir), "utf8")) as StackFile;
}
