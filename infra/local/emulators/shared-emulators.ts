import { createHash } from "node:crypto";

/** Endpoints of emulators some other process runs: DynamoDB Local and fauxqs (SNS/SQS/S3). */
export interface EmulatorEndpoints {
  dynamodb: string;
  aws: string;
}

/**
 * Set by the tests' setup file: every stack a test starts then uses its worker's DynamoDB Local
 * and the run's one fauxqs instead of starting its own (a JVM each, on 2 cores), in memory.
 */
export const SHARED_EMULATORS_ENV = "CITYRISK_SHARED_EMULATORS";

export function sharedEmulatorsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): EmulatorEndpoints | undefined {
  const text = env[SHARED_EMULATORS_ENV];
  if (!text) return undefined;
  const parsed = JSON.parse(text) as Partial<EmulatorEndpoints>;
  if (!parsed.dynamodb || !parsed.aws) {
    throw new Error(`${SHARED_EMULATORS_ENV} needs {"dynamodb": url, "aws": url}: got ${text}`);
  }
  return { dynamodb: parsed.dynamodb, aws: parsed.aws };
}

/**
 * Resource names of a stack on shared emulators: its own per data directory, so stacks of one run
 * never meet, and a stack started again on the same directory finds its table and queues.
 */
export function prefixForDataDir(dataDir: string): string {
  return `stack-${createHash("sha256").update(dataDir).digest("hex").slice(0, 10)}`;
}
