/**
 * CDK feature flags the stacks rely on, passed to every `App` (infra/bin and the tests) so the
 * tests synthesize exactly what a deployment would.
 */
export const FEATURE_FLAGS: Readonly<Record<string, boolean>> = {
  // Grant S3 server-access-log delivery through a bucket policy instead of the legacy ACL, so
  // the log bucket can keep ACLs disabled (BucketOwnerEnforced).
  "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy": true,
};
