import { MetricUnit } from "@aws-lambda-powertools/metrics";
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { TooManyRequestsError } from "../../../shared/errors.ts";
import type { Caller } from "../../../shared/tenancy/claims.ts";
import { dynamodb } from "../clients.ts";
import { config, type RateLimit, setting } from "../config.ts";
import { metrics } from "../powertools.ts";
import { mainTable } from "../storage-definitions.ts";
import { RATE_COUNT_ATTRIBUTE, rateCounterKey } from "./rate-counter-item.ts";

export type WindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateCounterTable {
  client: DynamoDBClient;
  tableName: string;
}

/**
 * Counts one request against the tenant's fixed window: one conditional `ADD` on the item
 * `T#<tenant>` / `RATE#<window start>`, so concurrent Lambdas agree without a read. The item
 * expires (TTL) when its window ends; an expired but not yet deleted item is never read again.
 */
export async function countRequest(
  table: RateCounterTable,
  tenantId: string,
  rateLimit: RateLimit,
  nowMs: number,
  bucket?: string,
): Promise<WindowVerdict> {
  const now = Math.floor(nowMs / 1000);
  const windowStart = now - (now % rateLimit.windowSeconds);
  const windowEnd = windowStart + rateLimit.windowSeconds;
  try {
    await table.client.send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: Object.fromEntries(
          Object.entries(rateCounterKey(tenantId, windowStart, bucket)).map(([name, S]) => [
            name,
            { S },
          ]),
        ),
        UpdateExpression: "ADD #count :one SET #expiresAt = :windowEnd",
        ConditionExpression: "attribute_not_exists(#count) OR #count < :limit",
        ExpressionAttributeNames: {
          "#count": RATE_COUNT_ATTRIBUTE,
          "#expiresAt": mainTable.ttlAttribute,
        },
        ExpressionAttributeValues: {
          ":one": { N: "1" },
          ":limit": { N: String(rateLimit.limit) },
          ":windowEnd": { N: String(windowEnd) },
        },
      }),
    );
    return { allowed: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - now) };
    }
    throw error;
  }
}

/**
 * Called by the HTTP handler factory right after authorization: integrator callers count against
 * their tenant's window (config `integratorRateLimit`); everyone else passes untouched.
 */
export async function limitIntegrators(caller: Caller | undefined): Promise<void> {
  if (caller?.role !== "integrator") return;
  const verdict = await countRequest(
    { client: dynamodb, tableName: setting("tableName") },
    caller.tenantId,
    config().integratorRateLimit,
    Date.now(),
  );
  if (!verdict.allowed) {
    metrics.addMetric("IntegratorRateLimited", MetricUnit.Count, 1);
    throw new TooManyRequestsError(verdict.retryAfterSeconds);
  }
}
