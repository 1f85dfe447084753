import { createHash } from "node:crypto";
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { ConflictError, ValidationError } from "../../../shared/errors.ts";
import { dynamodb } from "../clients.ts";
import { setting } from "../config.ts";
import type { RouteResult } from "./http-handler.ts";
import { currentLambdaContext } from "./invocation-context.ts";

/** What identifies a retry: the tenant, the route and the client's key; the body must match. */
interface IdempotentCall {
  tenantId: string;
  route: string;
  key: string;
  body: unknown;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Partitions per tenant. Records are only ever read and written by their exact key, so spreading
 * them costs nothing, and one busy tenant (an import-heavy government platform) does not pile
 * its retries' records onto a single partition either.
 */
const SHARDS_PER_TENANT = 16;

/**
 * The sort key's prefix, in place of Powertools' default (the deployed function's name, which is
 * CloudFormation-generated on AWS and empty locally): a retry must find its record across a
 * redeploy that renames or replaces the function. The route is in the hashed key already.
 */
const SORT_KEY_PREFIX = "HTTP";

/**
 * `IDEMPOTENCY#<tenantId>#<shard>`: scoped by tenant (a tenant's records can be found and removed
 * with it), spread over tenants × 16 shards instead of one hot `IDEMPOTENCY` partition, and kept
 * out of the tenant's data partition `T#<tenantId>` so that exports, queries and stream consumers
 * of tenant data never meet them. The function's own role writes them (not the tenant data role,
 * whose `LeadingKeys` condition covers `T#<tenant>` only).
 */
export function idempotencyPartition(tenantId: string, route: string, key: string): string {
  const shard = createHash("sha256").update(`${route}\n${key}`).digest()[0] as number;
  return `IDEMPOTENCY#${tenantId}#${(shard % SHARDS_PER_TENANT).toString(16)}`;
}

/** Reads and checks the `Idempotency-Key` header; absent means the call is not idempotent. */
function idempotencyKeyOf(headers: Readonly<Record<string, string | undefined>>) {
  const key = headers["idempotency-key"];
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError({ zh: "幂等键格式无效", en: "Invalid Idempotency-Key" }, [
      {
        path: "headers.Idempotency-Key",
        code: "request.invalidIdempotencyKey",
        message: {
          zh: "幂等键须为 8–128 位字母、数字、- 或 _",
          en: "Idempotency-Key must be 8–128 letters, digits, - or _",
        },
      },
    ]);
  }
  return key;
}

/**
 * The request's identity for the writes it makes (`writeOnce` marks): the same for every retry
 * of (tenant, route, key), so a re-run after an interrupted invocation finds its first write.
 */
export function requestIdOf(tenantId: string, route: string, key: string): string {
  return createHash("sha256").update(`${tenantId}\n${route}\n${key}`).digest("base64url");
}

/** A POST that may carry `Idempotency-Key`; `route` names the target (method and path). */
export interface IdempotentRequest {
  tenantId: string;
  route: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
}

function idempotencyConfig(): IdempotencyConfig {
  const context = currentLambdaContext();
  if (context === undefined) {
    // Without it the in-progress record never expires early: a retry would get 409 for a day.
    throw new Error("idempotently() must run inside withLambdaContext (the HTTP handler factory)");
  }
  const settings = new IdempotencyConfig({
    eventKeyJmesPath: "[tenantId, route, key]",
    payloadValidationJmesPath: "body",
    expiresAfterSeconds: 24 * 3600,
  });
  settings.registerLambdaContext(context);
  return settings;
}

/**
 * Runs `execute` once per (tenant, route, key) through Powertools idempotency: a retry gets the
 * first response back. `execute` receives the request's id to mark its writes with (`writeOnce`),
 * so even a re-run after an invocation that died past its write answers the first outcome. The
 * same key with another body is refused (RFC draft "The Idempotency-Key HTTP Header Field": 422),
 * a concurrent duplicate gets 409 while the first invocation can still be running, and a retry
 * after an invocation that died runs again. Without the header the request simply runs.
 */
export async function idempotently<Body>(
  request: IdempotentRequest,
  execute: (requestId?: string) => Promise<RouteResult<Body>>,
): Promise<RouteResult<Body>> {
  const key = idempotencyKeyOf(request.headers);
  if (key === undefined) return execute();
  const requestId = requestIdOf(request.tenantId, request.route, key);
  const call: IdempotentCall = {
    tenantId: request.tenantId,
    route: request.route,
    key,
    body: request.body,
  };
  // The stored response is what a retry gets: JSON, without undefined members (DynamoDB has none).
  const run = makeIdempotent(
    async (_call: IdempotentCall) =>
      // A replay answers the first run's result as JSON: the same body, so the same type.
      JSON.parse(JSON.stringify(await execute(requestId))) as RouteResult<Body>,
    {
      // One store per call: its partition depends on the call, and a store keeps its
      // configuration after first use (Powertools), so sharing one would mix calls.
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: setting("tableName"),
        keyAttr: "pk",
        sortKeyAttr: "sk",
        // Records share the table's TTL attribute so DynamoDB removes them after a day.
        expiryAttr: "expiresAt",
        staticPkValue: idempotencyPartition(request.tenantId, request.route, key),
        awsSdkV3Client: dynamodb,
      }),
      keyPrefix: SORT_KEY_PREFIX,
      config: idempotencyConfig(),
    },
  );
  try {
    return await run(call);
  } catch (error) {
    if (error instanceof IdempotencyValidationError) {
      throw new IdempotencyMismatchError({
        zh: "该幂等键已用于另一个请求体",
        en: "This Idempotency-Key was used with a different request body",
      });
    }
    if (error instanceof IdempotencyAlreadyInProgressError) {
      throw new ConflictError({
        zh: "相同幂等键的请求正在处理中",
        en: "A request with this Idempotency-Key is in progress",
      });
    }
    throw error;
  }
}

class IdempotencyMismatchError extends ValidationError {
  override readonly code = "request.idempotencyKeyReused";
}
