import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { HeadBucketCommand, type S3Client } from "@aws-sdk/client-s3";
import type { CheckStatus, Health } from "../../shared/contracts/system.ts";

/** How long a check may take and still read as ok, and how long it is waited for at most. */
export interface CheckTiming {
  slowAfterMs: number;
  boundMs: number;
}

const TIMING: CheckTiming = { slowAfterMs: 1000, boundMs: 3000 };

/**
 * A dependency's state as one call to it shows: `ok` when it answers in time, `slow` when it
 * answers late or not within the bound (overloaded or hung: it may still serve), `error` when
 * it answers with an error or refuses the connection (down, misnamed, no permission).
 */
export async function checkOf(
  check: (signal: AbortSignal) => Promise<unknown>,
  timing: CheckTiming = TIMING,
): Promise<CheckStatus> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timing.boundMs);
  try {
    await check(signal);
  } catch {
    // Aborted by the bound: no answer in time, which is not an answer of "no".
    return signal.aborted ? "slow" : "error";
  }
  return performance.now() - started > timing.slowAfterMs ? "slow" : "ok";
}

/**
 * Checks that the table and the bucket answer; both checks run in parallel, each bounded in
 * time. Only an error makes the stack unhealthy (503): a slow dependency still serves.
 */
export async function checkHealth(deps: {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  tableName: string;
  bucketName: string;
}): Promise<Health> {
  const [dynamodb, s3] = await Promise.all([
    checkOf((abortSignal) =>
      deps.dynamodb.send(new DescribeTableCommand({ TableName: deps.tableName }), {
        abortSignal,
      }),
    ),
    checkOf((abortSignal) =>
      deps.s3.send(new HeadBucketCommand({ Bucket: deps.bucketName }), { abortSignal }),
    ),
  ]);
  return { status: dynamodb === "ok" && s3 === "ok" ? "ok" : "degraded", checks: { dynamodb, s3 } };
}

/** The answer's status: 503 only when a dependency errs; a slow one still serves (200). */
export function healthStatusCode(health: Health): 200 | 503 {
  return Object.values(health.checks).includes("error") ? 503 : 200;
}
