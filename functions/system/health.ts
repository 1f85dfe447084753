import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { HeadBucketCommand, type S3Client } from "@aws-sdk/client-s3";
import type { Health } from "../../shared/contracts/system.ts";

const CHECK_TIMEOUT_MS = 2000;

async function reachable(
  check: (signal: AbortSignal) => Promise<unknown>,
): Promise<"ok" | "error"> {
  try {
    await check(AbortSignal.timeout(CHECK_TIMEOUT_MS));
    return "ok";
  } catch {
    return "error";
  }
}

/** Checks that the table and the bucket answer; both checks run in parallel, each bounded in time. */
export async function checkHealth(deps: {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  tableName: string;
  bucketName: string;
}): Promise<Health> {
  const [dynamodb, s3] = await Promise.all([
    reachable((abortSignal) =>
      deps.dynamodb.send(new DescribeTableCommand({ TableName: deps.tableName }), { abortSignal }),
    ),
    reachable((abortSignal) =>
      deps.s3.send(new HeadBucketCommand({ Bucket: deps.bucketName }), { abortSignal }),
    ),
  ]);
  return { status: dynamodb === "ok" && s3 === "ok" ? "ok" : "degraded", checks: { dynamodb, s3 } };
}
