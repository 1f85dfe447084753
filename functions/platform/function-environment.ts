import * as z from "zod";
import {
  ConfigurationError,
  config,
  describeIssues,
  type FunctionConfig,
  presentValues,
  required,
} from "./config.ts";
import { ENV } from "./environment.ts";
import type { FunctionDefinition } from "./manifest-types.ts";
import { publisherEnvName } from "./messaging-definitions.ts";

const present = required;

/**
 * What a manifest declaration needs in the environment, one part per declaration. The CDK
 * constructs set exactly these for a function declaring it (infra/constructs), the local stack
 * sets them for every in-process handler.
 */
const parts = {
  table: z.object({ [ENV.tableName]: present }),
  bucket: z.object({ [ENV.bucketName]: present }),
  publishes: (ids: readonly string[]) =>
    z.object(Object.fromEntries(ids.map((id) => [publisherEnvName(id), present]))),
  // Cognito on AWS, or the local identity provider's endpoint and secret on one machine.
  identityAdmin: z.intersection(
    z.object({ [ENV.tokenUrl]: present }),
    z
      .object({
        [ENV.cognitoUserPoolId]: present.optional(),
        [ENV.localIdentityUrl]: present.optional(),
        [ENV.localIdentitySecret]: present.optional(),
      })
      .refine(
        (env) =>
          env[ENV.cognitoUserPoolId] !== undefined ||
          (env[ENV.localIdentityUrl] !== undefined && env[ENV.localIdentitySecret] !== undefined),
        `missing ${ENV.cognitoUserPoolId}, or ${ENV.localIdentityUrl} and ${ENV.localIdentitySecret}`,
      ),
  ),
  authorizer: z.object({ [ENV.identityIssuer]: present, [ENV.webClientIds]: present }),
  signsCardLinks: z.object({ [ENV.cardLinkSecret]: present }),
  sendsSms: z.object({ [ENV.smsProvider]: present }),
} as const;

/** The schema of what this function needs on top of what every function shares. */
export function functionEnvironmentSchema(definition: FunctionDefinition): z.ZodType {
  const needed: z.ZodType[] = [
    ...(definition.table ? [parts.table] : []),
    ...(definition.bucket ? [parts.bucket] : []),
    ...(definition.publishes?.length ? [parts.publishes(definition.publishes)] : []),
    ...(definition.identityAdmin ? [parts.identityAdmin] : []),
    ...(definition.authorizer ? [parts.authorizer] : []),
    ...(definition.signsCardLinks ? [parts.signsCardLinks] : []),
    ...(definition.sendsSms ? [parts.sendsSms] : []),
  ];
  return needed.reduce<z.ZodType>((all, part) => z.intersection(all, part), z.object({}));
}

/**
 * Parses the environment for one function: the shared configuration, then what its manifest
 * entry declares. Throws `registry-api: missing TABLE_NAME` style messages, so a function
 * deployed without a variable fails its cold start saying which, not a request later.
 */
export function checkFunctionEnvironment(
  definition: FunctionDefinition,
  env: NodeJS.ProcessEnv,
): void {
  const parsed = functionEnvironmentSchema(definition).safeParse(presentValues(env));
  if (!parsed.success) {
    throw new ConfigurationError(definition.id, describeIssues(parsed.error.issues));
  }
}

const checked = new WeakMap<FunctionConfig, Set<string>>();

/**
 * The function's configuration, checked against its manifest entry once per configuration read
 * (the factories call it on every invocation; after the first it is a lookup).
 */
export function configFor(definition: FunctionDefinition): FunctionConfig {
  let settings: FunctionConfig;
  try {
    settings = config();
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw new ConfigurationError(definition.id, error.detail);
    throw error;
  }
  const seen = checked.get(settings) ?? new Set<string>();
  if (!seen.has(definition.id)) {
    checkFunctionEnvironment(definition, process.env);
    seen.add(definition.id);
    checked.set(settings, seen);
  }
  return settings;
}
