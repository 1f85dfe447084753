import { describe, expect, it } from "vitest";
import { manifest } from "../manifest.ts";
import { ConfigurationError, readConfig } from "./config.ts";
import { checkFunctionEnvironment } from "./function-environment.ts";
import type { FunctionDefinition } from "./manifest-types.ts";
import { messaging, topicEnvName } from "./messaging-definitions.ts";

const definition = (declares: Partial<FunctionDefinition>): FunctionDefinition => ({
  id: "registry-api",
  description: "test",
  handler: "functions/registry/registry-api.handler.ts",
  ...declares,
});

/** What the local stack sets for every in-process handler (infra/local/start-stack.ts). */
const localStack = {
  TABLE_NAME: "cityrisk-local-main",
  BUCKET_NAME: "cityrisk-local-documents",
  // One ARN per declared topic, as the local stack creates them.
  ...Object.fromEntries(
    messaging.topics.map((t) => [topicEnvName(t.id), `arn:aws:sns:us-east-1:000000000000:${t.id}`]),
  ),
  CITYRISK_LOCAL_IDP_URL: "http://localhost:3000",
  CITYRISK_LOCAL_IDP_SECRET: "secret",
  CITYRISK_TOKEN_URL: "http://localhost:3000/oauth2/token",
  CITYRISK_IDENTITY_ISSUER: "http://localhost:3000",
  CITYRISK_WEB_CLIENT_IDS: "cityrisk-web",
  CITYRISK_CARD_LINK_SECRET: "0123456789abcdef0123456789abcdef",
  CITYRISK_SMS_PROVIDER: "local",
};

describe("a function's environment at cold start", () => {
  it("names the function and the missing variable", () => {
    const check = () => checkFunctionEnvironment(definition({ table: "read" }), {});

    expect(check).toThrow(ConfigurationError);
    expect(check).toThrow("registry-api: missing TABLE_NAME");
  });

  it("names every missing variable at once, an empty value counting as missing", () => {
    const check = () =>
      checkFunctionEnvironment(
        definition({ table: "readWrite", bucket: "read", publishes: ["imports"] }),
        { TABLE_NAME: "  " },
      );

    expect(check).toThrow("registry-api: missing TABLE_NAME, BUCKET_NAME, TOPIC_ARN_IMPORTS");
  });

  it("asks an identity admin for Cognito or the local provider, and the token URL", () => {
    const check = (env: NodeJS.ProcessEnv) => () =>
      checkFunctionEnvironment(definition({ identityAdmin: true }), env);

    expect(check({})).toThrow(
      "registry-api: missing CITYRISK_TOKEN_URL; missing COGNITO_USER_POOL_ID, or CITYRISK_LOCAL_IDP_URL and CITYRISK_LOCAL_IDP_SECRET",
    );
    expect(check({ CITYRISK_TOKEN_URL: "https://t", CITYRISK_LOCAL_IDP_URL: "http://l" })).toThrow(
      "registry-api: missing COGNITO_USER_POOL_ID, or CITYRISK_LOCAL_IDP_URL and CITYRISK_LOCAL_IDP_SECRET",
    );
    expect(check({ CITYRISK_TOKEN_URL: "https://t", COGNITO_USER_POOL_ID: "p" })).not.toThrow();
  });

  it("asks the authorizer for the issuer and the web clients", () => {
    expect(() => checkFunctionEnvironment(definition({ authorizer: true }), {})).toThrow(
      "registry-api: missing CITYRISK_IDENTITY_ISSUER, CITYRISK_WEB_CLIENT_IDS",
    );
  });

  it("asks nothing of a function that declares nothing", () => {
    expect(() => checkFunctionEnvironment(definition({}), {})).not.toThrow();
  });

  it("finds everything every product function needs in what the local stack sets", () => {
    for (const fn of manifest) {
      expect(() => checkFunctionEnvironment(fn, localStack), fn.id).not.toThrow();
    }
  });
});

describe("readConfig", () => {
  it("leaves what is not set undefined rather than empty, and fills the documented defaults", () => {
    const settings = readConfig({});

    expect(settings).toEqual({
      stage: "dev",
      tableName: undefined,
      bucketName: undefined,
      region: "us-east-1",
      s3ForcePathStyle: false,
      s3BrowserEndpoint: undefined,
      mailFrom: "noreply@cityrisk.local",
      smtpUrl: undefined,
      integratorRateLimit: { limit: 120, windowSeconds: 60 },
      publicReportRateLimit: { limit: 5, windowSeconds: 3600 },
      tenantDataRoleArn: undefined,
      autoApproveSignups: false,
      webhookPrivateTargets: false,
      webUrl: undefined,
      cognitoUserPoolId: undefined,
      localIdentityUrl: undefined,
      localIdentitySecret: undefined,
      identityIssuer: undefined,
      identityJwksUrl: undefined,
      webClientIds: [],
      tokenUrl: undefined,
      cardLinkSecret: undefined,
      topicArns: {},
    });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it("reads the values the local stack sets, deriving the JWKS from the issuer", () => {
    const settings = readConfig({ ...localStack, CITYRISK_WEB_CLIENT_IDS: "web, admin" });

    expect(settings).toMatchObject({
      tableName: "cityrisk-local-main",
      bucketName: "cityrisk-local-documents",
      identityJwksUrl: "http://localhost:3000/.well-known/jwks.json",
      webClientIds: ["web", "admin"],
      topicArns: { imports: "arn:aws:sns:us-east-1:000000000000:imports" },
    });
  });

  it("refuses malformed values, naming each variable", () => {
    expect(() =>
      readConfig({
        CITYRISK_INTEGRATOR_RATE_LIMIT: "lots",
        CITYRISK_SMTP_URL: "127.0.0.1:25",
        CITYRISK_AUTO_APPROVE_SIGNUPS: "yes",
      }),
    ).toThrow(
      /^configuration: CITYRISK_SMTP_URL: .+; CITYRISK_INTEGRATOR_RATE_LIMIT: rate limit must look like .+; CITYRISK_AUTO_APPROVE_SIGNUPS: .+$/,
    );
  });
});
