import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { ConflictError, ValidationError } from "../../../shared/errors.ts";
import { config } from "../config.ts";
import type { RouteResult } from "./http-handler.ts";

/** What identifies a retry: the tenant, the route and the client's key; the body must match. */
interface IdempotentCall {
  tenantId: string;
  route: string;
  key: string;
  body: unknown;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

let persistence: DynamoDBPersistenceLayer | undefined;

function persistenceStore(): DynamoDBPersistenceLayer {
  persistence ??= new DynamoDBPersistenceLayer({
    tableName: config().tableName,
    keyAttr: "pk",
    sortKeyAttr: "sk",
    // Records share the table's TTL attribute so DynamoDB removes them after a day.
    expiryAttr: "expiresAt",
    staticPkValue: "IDEMPOTENCY",
    clientConfig: { region: config().region },
  });
  return persistence;
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

/** A POST that may carry `Idempotency-Key`; `route` names the target (method and path). */
export interface IdempotentRequest {
  tenantId: string;
  route: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
}

/**
 * Runs `execute` once per (tenant, route, key) through Powertools idempotency: a retry gets the
 * first response back; the same key with another body is refused (RFC draft
 * "The Idempotency-Key HTTP Header Field": 422), a concurrent duplicate gets 409. Without the
 * header the request simply runs.
 */
export async function idempotently(
  request: IdempotentRequest,
  execute: () => Promise<RouteResult>,
): Promise<RouteResult> {
  const key = idempotencyKeyOf(request.headers);
  if (key === undefined) return execute();
  const call: IdempotentCall = {
    tenantId: request.tenantId,
    route: request.route,
    key,
    body: request.body,
  };
  // The stored response is what a retry gets: JSON, without undefined members (DynamoDB has none).
  const run = makeIdempotent(
    async (_call: IdempotentCall) => JSON.parse(JSON.stringify(await execute())) as RouteResult,
    {
      persistenceStore: persistenceStore(),
      config: new IdempotencyConfig({
        eventKeyJmesPath: "[tenantId, route, key]",
        payloadValidationJmesPath: "body",
        expiresAfterSeconds: 24 * 3600,
      }),
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
