import * as z from "zod";
import { SMS_PROVIDERS, type SmsProvider } from "../../shared/notifications/sms-port.ts";
import { ENV, type EnvKey } from "./environment.ts";
import { messaging, topicEnvName } from "./messaging-definitions.ts";

/**
 * Function configuration, read from the environment once at the edge (conventions.md rule 7).
 * Endpoints are not configuration here: the AWS SDK reads `AWS_ENDPOINT_URL_<SERVICE>` itself,
 * which is how the local stack points the same code at DynamoDB Local and the emulators.
 *
 * Values only some functions have are `undefined` elsewhere, never `""`: a function's manifest
 * entry says which it needs (function-environment.ts), its handler factory checks them at cold
 * start, and code reads them with `setting(...)`.
 */
export interface FunctionConfig {
  readonly stage: string;
  /** Functions declaring `table` (and integrator-facing ones, for the rate counter). */
  readonly tableName: string | undefined;
  /** Functions declaring `bucket`. */
  readonly bucketName: string | undefined;
  readonly region: string;
  readonly s3ForcePathStyle: boolean;
  /**
   * Where browsers reach the bucket, when it is not the SDK's own endpoint: the local stack's
   * same-origin pass-through (the emulator answers no CORS preflight). Unset on AWS.
   */
  readonly s3BrowserEndpoint: string | undefined;
  /** Sender address of outgoing e-mail (an SES-verified identity on AWS). */
  readonly mailFrom: string;
  /** `smtp://host:port` of an SMTP relay; set locally (the mail capture), unset on AWS (SES). */
  readonly smtpUrl: string | undefined;
  /** Per tenant, for its integrator clients (`CITYRISK_INTEGRATOR_RATE_LIMIT`, default 120/60). */
  readonly integratorRateLimit: RateLimit;
  /**
   * Public hidden-danger reports from a card's QR page, per link (`CITYRISK_PUBLIC_REPORT_RATE_LIMIT`,
   * default 5/3600); an address gets four times as many across the tenant's links.
   */
  readonly publicReportRateLimit: RateLimit;
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
   * Issuer of the tokens the API's authorizer accepts, its JWKS (default: the issuer's
   * `/.well-known/jwks.json`) and the web app clients whose ID tokens it takes (comma-separated
   * in the environment): the Cognito pool on AWS, the local provider here. The authorizer's.
   */
  readonly identityIssuer: string | undefined;
  readonly identityJwksUrl: string | undefined;
  readonly webClientIds: readonly string[];
  /** Where integrators exchange client credentials for tokens; functions declaring `identityAdmin`. */
  readonly tokenUrl: string | undefined;
  /**
   * The Kinesis Data Firehose delivery stream raw readings are archived through (set by CDK on
   * AWS); unset locally, where batches are written to the bucket directly.
   */
  readonly readingsDeliveryStream: string | undefined;
  /** HMAC key of the risk cards' QR links; functions declaring `signsCardLinks`. */
  readonly cardLinkSecret: string | undefined;
  /**
   * `CITYRISK_WEBHOOK_PRIVATE_TARGETS=true` lets webhooks reach private, loopback and link-local
   * addresses and plain http: the local stack's receivers on localhost. Off (refused) on AWS.
   */
  readonly webhookPrivateTargets: boolean;
  /**
   * Which SMS provider sends text messages (`CITYRISK_SMS_PROVIDER`): `local` (the table's
   * outbox; the local stack sets it), `aws` (End User Messaging SMS) or `aliyun` (mainland
   * regions). No default: an unconfigured deployment fails its sends into the DLQ, loudly,
   * rather than "sending" to an outbox nobody reads.
   */
  readonly smsProvider: SmsProvider | undefined;
  /** Aliyun's approved signature name, or AWS's origination identity (`CITYRISK_SMS_SENDER`). */
  readonly smsSender: string | undefined;
  /** Aliyun's approved template code (`CITYRISK_SMS_TEMPLATE`). */
  readonly smsTemplate: string | undefined;
  /** Aliyun's approved digest template code (`CITYRISK_SMS_DIGEST_TEMPLATE`). */
  readonly smsDigestTemplate: string | undefined;
  /** `<AccessKeyId>:<AccessKeySecret>` of a RAM user allowed `dysms:SendSms` only. */
  readonly aliyunAccessKey: string | undefined;
  /**
   * On AWS, the Secrets Manager secret (ARN) holding that key instead
   * (`CITYRISK_ALIYUN_ACCESS_KEY_SECRET`): read at the first text, never put in the environment.
   */
  readonly aliyunAccessKeySecret: string | undefined;
  /** Topic id → ARN, for the topics the function publishes to (`TOPIC_ARN_<ID>`). */
  readonly topicArns: Readonly<Record<string, string>>;
}

export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** A failure of the configuration to parse: fails the cold start, naming the variables. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";

  /** `subject`: the function's id, or `configuration` before it is known. */
  constructor(
    subject: string,
    readonly detail: string,
  ) {
    super(`${subject}: ${detail}`);
  }
}

/** The message of a required variable's absence, so issues can be told apart from bad values. */
export const MISSING = "missing";

/** A variable a function needs: its absence reads as `missing NAME`, not a type error. */
export const required = z.string({
  error: (issue) => (issue.input === undefined ? MISSING : undefined),
});

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

const optional = z.string().optional();

function rateLimitSetting(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return parseRateLimit(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    });
}
const flag = z.enum(["true", "false"]).optional();

/** Every variable any function reads; those only some functions need are optional here. */
export const EnvironmentSchema = z.object({
  [ENV.stage]: z.string().default("dev"),
  [ENV.region]: z.string().default("us-east-1"),
  [ENV.tableName]: optional,
  [ENV.bucketName]: optional,
  [ENV.s3ForcePathStyle]: flag,
  [ENV.s3BrowserEndpoint]: z.url().optional(),
  [ENV.mailFrom]: z.email().default("noreply@cityrisk.local"),
  [ENV.smtpUrl]: z.url({ protocol: /^smtps?$/ }).optional(),
  [ENV.integratorRateLimit]: rateLimitSetting("120/60"),
  [ENV.publicReportRateLimit]: rateLimitSetting("5/3600"),
  [ENV.tenantDataRoleArn]: optional,
  [ENV.autoApproveSignups]: flag,
  [ENV.webUrl]: z.url().optional(),
  [ENV.cognitoUserPoolId]: optional,
  [ENV.localIdentityUrl]: z.url().optional(),
  [ENV.localIdentitySecret]: optional,
  [ENV.identityIssuer]: z.url().optional(),
  [ENV.identityJwksUrl]: z.url().optional(),
  [ENV.webClientIds]: optional,
  [ENV.tokenUrl]: z.url().optional(),
  [ENV.readingsDeliveryStream]: optional,
  [ENV.cardLinkSecret]: z.string().min(32).optional(),
  [ENV.webhookPrivateTargets]: flag,
  [ENV.smsProvider]: z.enum(SMS_PROVIDERS).optional(),
  [ENV.smsSender]: optional,
  [ENV.smsTemplate]: optional,
  [ENV.smsDigestTemplate]: optional,
  [ENV.aliyunAccessKey]: z
    .string()
    .regex(/^[^:]+:.+$/, "<AccessKeyId>:<AccessKeySecret>")
    .optional(),
  [ENV.aliyunAccessKeySecret]: z.string().startsWith("arn:").optional(),
});

/** The environment as the schemas see it: an empty value is an unset one. */
export function presentValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).flatMap(([name, value]) =>
      value === undefined || value.trim() === "" ? [] : [[name, value.trim()]],
    ),
  );
}

/** `CITYRISK_SMTP_URL: Invalid URL; TABLE_NAME: missing` — the variables, not the object paths. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const missing = issues
    .filter((issue) => issue.message === MISSING)
    .map((issue) => String(issue.path[0]));
  const invalid = issues
    .filter((issue) => issue.message !== MISSING)
    .map((issue) => (issue.path.length ? `${String(issue.path[0])}: ` : "") + issue.message);
  return [...(missing.length ? [`missing ${missing.join(", ")}`] : []), ...invalid].join("; ");
}

const commaList = (text: string | undefined): readonly string[] =>
  Object.freeze(
    (text ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  );

/** Reads the configuration every function shares from an environment; throws naming what is wrong. */
export function readConfig(env: NodeJS.ProcessEnv): FunctionConfig {
  const values = presentValues(env);
  const parsed = EnvironmentSchema.safeParse(values);
  if (!parsed.success) {
    throw new ConfigurationError("configuration", describeIssues(parsed.error.issues));
  }
  const e = parsed.data;
  const issuer = e[ENV.identityIssuer];
  return Object.freeze({
    stage: e[ENV.stage],
    tableName: e[ENV.tableName],
    bucketName: e[ENV.bucketName],
    region: e[ENV.region],
    s3ForcePathStyle: e[ENV.s3ForcePathStyle] === "true",
    s3BrowserEndpoint: e[ENV.s3BrowserEndpoint],
    mailFrom: e[ENV.mailFrom],
    smtpUrl: e[ENV.smtpUrl],
    integratorRateLimit: Object.freeze(e[ENV.integratorRateLimit]),
    publicReportRateLimit: Object.freeze(e[ENV.publicReportRateLimit]),
    tenantDataRoleArn: e[ENV.tenantDataRoleArn],
    autoApproveSignups: e[ENV.autoApproveSignups] === "true",
    webUrl: e[ENV.webUrl],
    cognitoUserPoolId: e[ENV.cognitoUserPoolId],
    localIdentityUrl: e[ENV.localIdentityUrl],
    localIdentitySecret: e[ENV.localIdentitySecret],
    identityIssuer: issuer,
    identityJwksUrl: e[ENV.identityJwksUrl] ?? (issuer && `${issuer}/.well-known/jwks.json`),
    webClientIds: commaList(e[ENV.webClientIds]),
    tokenUrl: e[ENV.tokenUrl],
    readingsDeliveryStream: e[ENV.readingsDeliveryStream],
    cardLinkSecret: e[ENV.cardLinkSecret],
    webhookPrivateTargets: e[ENV.webhookPrivateTargets] === "true",
    smsProvider: e[ENV.smsProvider],
    smsSender: e[ENV.smsSender],
    smsTemplate: e[ENV.smsTemplate],
    smsDigestTemplate: e[ENV.smsDigestTemplate],
    aliyunAccessKey: e[ENV.aliyunAccessKey],
    aliyunAccessKeySecret: e[ENV.aliyunAccessKeySecret],
    topicArns: Object.freeze(
      Object.fromEntries(
        messaging.topics.flatMap((t) => {
          const arn = values[topicEnvName(t.id)];
          return arn ? [[t.id, arn]] : [];
        }),
      ),
    ),
  });
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
  cached ??= readConfig(process.env);
  return cached;
}

type OnlySomeFunctions = {
  [K in keyof FunctionConfig & EnvKey]: undefined extends FunctionConfig[K] ? K : never;
}[keyof FunctionConfig & EnvKey];

/**
 * A value only functions declaring it have (a table, a bucket, the token issuer...). Their
 * factory checked it at cold start, so its absence here means the module runs in a function
 * whose manifest entry does not declare what the module needs: a wiring bug, named as such.
 */
export function setting<K extends OnlySomeFunctions>(key: K): NonNullable<FunctionConfig[K]> {
  const value = config()[key];
  if (value === undefined) {
    throw new ConfigurationError(
      "configuration",
      `missing ${ENV[key]}: the function's manifest entry does not declare what needs it`,
    );
  }
  return value as NonNullable<FunctionConfig[K]>;
}
