import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { config, fromConfig } from "./config.ts";

/** SDK clients at module scope, shared by every invocation of a warm function. */
export const dynamodb = new DynamoDBClient({ region: config().region, maxAttempts: 3 });

export const s3 = new S3Client({
  region: config().region,
  forcePathStyle: config().s3ForcePathStyle,
});

/**
 * The client that signs links for browsers (presigned GET and PUT): `s3` itself, unless the
 * configuration says browsers reach the bucket elsewhere (locally: through the gateway).
 */
export const browserS3 = fromConfig(({ region, s3ForcePathStyle, s3BrowserEndpoint }) =>
  s3BrowserEndpoint
    ? new S3Client({ region, forcePathStyle: s3ForcePathStyle, endpoint: s3BrowserEndpoint })
    : s3,
);
