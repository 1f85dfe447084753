import { messaging, topicEnvName } from "./messaging-definitions.ts";

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
  /** Sender address of outgoing e-mail (an SES-verified identity on AWS). */
  readonly mailFrom: string;
  /** `smtp://host:port` of an SMTP relay; set locally (the mail capture), unset on AWS (SES). */
  readonly smtpUrl: string | undefined;
  /** Per tenant, for its integrator clients (`CITYRISK_INTEGRATOR_RATE_LIMIT`, default 120/60). */
  readonly integratorRateLimit: RateLimit;
  /** Role assumed with a `tenantId` session tag for tenant data (set by CDK; unset locally). */
  readonly tenantDataRoleArn: string | undefined;
  /** `CITYRISK_AUTO_APPROVE_SIGNUPS=true` approves enterprise sign-ups at once (local demo). */
  readonly autoApproveSignups: boolean;
  /** Origin of the web app for links in e-mails (`CITYRISK_WEB_URL`); else the request's origin. */
  readonly webUrl: string | undefined;
  /** The Cognito user pool whose logins the tenancy API manages (set by CDK on AWS). */
  readonly cognitoUserPoolId: string | undefined;
  /** The local identity provider's origin and admin secret (set by the local stack). */
  readonly localIdentityUrl: string | undefined;
  readonly localIdentitySecret: string | undefined;
  /** Topic id → ARN, for the topics the function publishes to (`TOPIC_ARN_<ID>`). */
  readonly topicArns: Readonly<Record<string, string>>;
}

export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** `"120/60"`: 120 requests per 60-second window. Malformed values fail the cold start loudly. */
export function parseRateLimit(text: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const limit = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || limit < 1 || windowSeconds < 1) {
    throw new Error(
      `rate limit must look like "<requests>/<seconds>", e.g. "120/60": got "${text}"`,
    );
  }
  return { limit, windowSeconds };
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
    mailFrom: env.CITYRISK_MAIL_FROM || "noreply@cityrisk.local",
    smtpUrl: env.CITYRISK_SMTP_URL || undefined,
    integratorRateLimit: Object.freeze(
      parseRateLimit(env.CITYRISK_INTEGRATOR_RATE_LIMIT || "120/60"),
    ),
    tenantDataRoleArn: env.TENANT_DATA_ROLE_ARN || undefined,
    autoApproveSignups: env.CITYRISK_AUTO_APPROVE_SIGNUPS === "true",
    webUrl: env.CITYRISK_WEB_URL || undefined,
    cognitoUserPoolId: env.COGNITO_USER_POOL_ID || undefined,
    localIdentityUrl: env.CITYRISK_LOCAL_IDP_URL || undefined,
    localIdentitySecret: env.CITYRISK_LOCAL_IDP_SECRET || undefined,
    topicArns: Object.freeze(
      Object.fromEntries(
        messaging.topics.flatMap((t) => {
          const arn = env[topicEnvName(t.id)];
          return arn ? [[t.id, arn]] : [];
        }),
      ),
    ),
  });
  return cached;
}
