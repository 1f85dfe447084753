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
  /**
   * Issuer of the tokens the API's authorizer accepts, its JWKS and the web app clients whose ID
   * tokens it takes (`CITYRISK_IDENTITY_ISSUER`, `CITYRISK_IDENTITY_JWKS_URL`,
   * `CITYRISK_WEB_CLIENT_IDS` comma-separated): the Cognito pool on AWS, the local provider here.
   */
  readonly identityIssuer: string;
  readonly identityJwksUrl: string;
  readonly webClientIds: readonly string[];
  /** Where integrators exchange client credentials for tokens (`CITYRISK_TOKEN_URL`). */
  readonly tokenUrl: string;
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

/**
 * Forgets the configuration read so far. Only the local stack calls it, after it has written a
 * new environment, so the adapters built `fromConfig` (identity provider, mailer, the
 * authorizer's keys) follow a second stack started in the same process. The SDK clients do not:
 * like a Lambda container's, they keep the endpoints of the first stack (one stack per process).
 */
export function reloadConfig(): void {
  cached = undefined;
}

/**
 * A value built from the configuration once, and again only when the configuration was reloaded:
 * adapters (identity provider, mailer, signing keys) follow the environment they were built for.
 */
export function fromConfig<T>(build: (settings: FunctionConfig) => T): () => T {
  let builtFor: FunctionConfig | undefined;
  let value: T | undefined;
  return () => {
    const settings = config();
    if (builtFor !== settings || value === undefined) {
      value = build(settings);
      builtFor = settings;
    }
    return value;
  };
}

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
    identityIssuer: env.CITYRISK_IDENTITY_ISSUER ?? "",
    identityJwksUrl:
      env.CITYRISK_IDENTITY_JWKS_URL ||
      (env.CITYRISK_IDENTITY_ISSUER ? `${env.CITYRISK_IDENTITY_ISSUER}/.well-known/jwks.json` : ""),
    webClientIds: Object.freeze(
      (env.CITYRISK_WEB_CLIENT_IDS ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
    tokenUrl: env.CITYRISK_TOKEN_URL ?? "",
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
