import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { config } from "./config.ts";

/** SDK clients at module scope, shared by every invocation of a warm function. */
export const dynamodb = new DynamoDBClient({ region: config().region, maxAttempts: 3 });

export const s3 = new S3Client({
  region: config().region,
  forcePathStyle: config().s3ForcePathStyle,
});
