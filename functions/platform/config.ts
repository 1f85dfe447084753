/**
 * Function configuration, read from the environment once at the edge (conventions.md rule 7).
 * Endpoints are not configuration here: the AWS SDK reads `AWS_ENDPOINT_URL_<SERVICE>` itself,
 * which is how the local stack points the same code at DynamoDB Local and the emulators.
 */
export interface FunctionConfig {
  readonly stage: string;
  readonly tableName: string;
  readonly bucketName: string;
  readonly region: string;
  readonly s3ForcePathStyle: boolean;
}

let cached: FunctionConfig | undefined;

export function config(): FunctionConfig {
  if (cached) return cached;
  const env = process.env;
  cached = Object.freeze({
    stage: env.CITYRISK_STAGE ?? "dev",
    tableName: env.TABLE_NAME ?? "",
    bucketName: env.BUCKET_NAME ?? "",
    region: env.AWS_REGION ?? "us-east-1",
    s3ForcePathStyle: env.CITYRISK_S3_FORCE_PATH_STYLE === "true",
  });
  return cached;
}
