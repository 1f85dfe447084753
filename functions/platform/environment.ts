/**
 * The names of the environment variables a function reads, declared once: the function's config
 * schema (config.ts), the CDK constructs that set them and the local stack that sets them for
 * the in-process handlers all import them from here, so a rename cannot leave one behind.
 */
export const ENV = {
  stage: "CITYRISK_STAGE",
  region: "AWS_REGION",
  tableName: "TABLE_NAME",
  bucketName: "BUCKET_NAME",
  s3ForcePathStyle: "CITYRISK_S3_FORCE_PATH_STYLE",
  s3BrowserEndpoint: "CITYRISK_S3_BROWSER_ENDPOINT",
  mailFrom: "CITYRISK_MAIL_FROM",
  smtpUrl: "CITYRISK_SMTP_URL",
  integratorRateLimit: "CITYRISK_INTEGRATOR_RATE_LIMIT",
  publicReportRateLimit: "CITYRISK_PUBLIC_REPORT_RATE_LIMIT",
  tenantDataRoleArn: "TENANT_DATA_ROLE_ARN",
  autoApproveSignups: "CITYRISK_AUTO_APPROVE_SIGNUPS",
  webUrl: "CITYRISK_WEB_URL",
  cognitoUserPoolId: "COGNITO_USER_POOL_ID",
  localIdentityUrl: "CITYRISK_LOCAL_IDP_URL",
  localIdentitySecret: "CITYRISK_LOCAL_IDP_SECRET",
  identityIssuer: "CITYRISK_IDENTITY_ISSUER",
  identityJwksUrl: "CITYRISK_IDENTITY_JWKS_URL",
  webClientIds: "CITYRISK_WEB_CLIENT_IDS",
  tokenUrl: "CITYRISK_TOKEN_URL",
  eventBusName: "EVENT_BUS_NAME",
  readingsDeliveryStream: "READINGS_DELIVERY_STREAM",
  cardLinkSecret: "CITYRISK_CARD_LINK_SECRET",
  webhookPrivateTargets: "CITYRISK_WEBHOOK_PRIVATE_TARGETS",
  smsProvider: "CITYRISK_SMS_PROVIDER",
  smsSender: "CITYRISK_SMS_SENDER",
  smsTemplate: "CITYRISK_SMS_TEMPLATE",
  smsDigestTemplate: "CITYRISK_SMS_DIGEST_TEMPLATE",
  aliyunAccessKey: "CITYRISK_ALIYUN_ACCESS_KEY",
  aliyunAccessKeySecret: "CITYRISK_ALIYUN_ACCESS_KEY_SECRET",
  // Read by Powertools itself; set per function so each logs, traces and counts as itself.
  serviceName: "POWERTOOLS_SERVICE_NAME",
  metricsNamespace: "POWERTOOLS_METRICS_NAMESPACE",
  metricsDisabled: "POWERTOOLS_METRICS_DISABLED",
  traceEnabled: "POWERTOOLS_TRACE_ENABLED",
  logLevel: "POWERTOOLS_LOG_LEVEL",
} as const;

export type EnvKey = keyof typeof ENV;
export type EnvName = (typeof ENV)[EnvKey];

/** Prefix of the per-topic ARN variables (`TOPIC_ARN_IMPORTS`). */
export const TOPIC_ARN_PREFIX = "TOPIC_ARN_";

/** The environment variable carrying a topic's ARN to its publishers, on AWS and locally. */
export function topicEnvName(topicId: string): string {
  return `${TOPIC_ARN_PREFIX}${topicId.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** Whether `name` is one the functions read: a key of ENV or a topic's ARN variable. */
export function isDeclaredEnvName(name: string): boolean {
  return (Object.values(ENV) as string[]).includes(name) || name.startsWith(TOPIC_ARN_PREFIX);
}
