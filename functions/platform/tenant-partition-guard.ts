import { mainTable } from "./storage-definitions.ts";
import { tenantPartition } from "./tenant-partition.ts";

/**
 * A request a tenant data client must not send: another tenant's partition, a key it cannot
 * verify, a secondary index or an operation outside the tenant data set. A bug, never user input:
 * it surfaces as a 500 and in the logs, not as a problem the caller can read.
 */
export class TenantIsolationError extends Error {
  constructor(
    readonly tenantId: string,
    readonly operation: string,
    reason: string,
  ) {
    super(`tenant data client for ${tenantId} refused ${operation}: ${reason}`);
    this.name = "TenantIsolationError";
  }
}

type Json = Record<string, unknown>;

const PK = mainTable.partitionKey;
const utf8 = new TextDecoder();

function object(value: unknown): Json {
  return typeof value === "object" && value !== null ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The string partition key of a key or item in wire (AttributeValue) form; else undefined. */
function partitionOf(keyOrItem: unknown): string | undefined {
  const value = object(object(keyOrItem)[PK]).S;
  return typeof value === "string" ? value : undefined;
}

/** Values bound to the partition key in `KeyConditionExpression` (`pk = :v`, `#n = :v`, reversed). */
function queryPartitions(input: Json): (string | undefined)[] {
  const legacy = object(object(input.KeyConditions)[PK]);
  if (input.KeyConditions !== undefined) {
    return legacy.ComparisonOperator === "EQ"
      ? [partitionOf({ [PK]: list(legacy.AttributeValueList)[0] })]
      : [undefined];
  }
  const expression = input.KeyConditionExpression;
  if (typeof expression !== "string") return [undefined];
  const names = object(input.ExpressionAttributeNames);
  const values = object(input.ExpressionAttributeValues);
  const nameOf = (token: string) => (token.startsWith("#") ? names[token] : token);
  const found: (string | undefined)[] = [];
  for (const [, left = "", right = ""] of expression.matchAll(
    /([#:]?[\w.-]+)\s*=\s*([#:]?[\w.-]+)/g,
  )) {
    const placeholder = nameOf(left) === PK ? right : nameOf(right) === PK ? left : undefined;
    if (placeholder === undefined) continue;
    found.push(
      placeholder.startsWith(":") ? partitionOf({ [PK]: values[placeholder] }) : undefined,
    );
  }
  return found.length > 0 ? found : [undefined];
}

/** Every partition key value a request names, by operation; `undefined` where none is readable. */
function partitionsOf(operation: string, input: Json): (string | undefined)[] | string {
  switch (operation) {
    case "GetItem":
    case "UpdateItem":
    case "DeleteItem":
      return [partitionOf(input.Key)];
    case "PutItem":
      return [partitionOf(input.Item)];
    case "Query":
      return input.IndexName === undefined
        ? queryPartitions(input)
        : `queries on secondary index ${String(input.IndexName)} are not tenant-scoped`;
    case "BatchGetItem":
      return Object.values(object(input.RequestItems)).flatMap((table) =>
        list(object(table).Keys).map(partitionOf),
      );
    case "BatchWriteItem":
      return Object.values(object(input.RequestItems)).flatMap((requests) =>
        list(requests).map((r) =>
          partitionOf(
            object(r).PutRequest
              ? object(object(r).PutRequest).Item
              : object(object(r).DeleteRequest).Key,
          ),
        ),
      );
    case "TransactGetItems":
      return list(input.TransactItems).map((t) => partitionOf(object(object(t).Get).Key));
    case "TransactWriteItems":
      return list(input.TransactItems).map((t) => {
        const { Put, Update, Delete, ConditionCheck } = object(t);
        return Put
          ? partitionOf(object(Put).Item)
          : partitionOf(object(Update ?? Delete ?? ConditionCheck).Key);
      });
    default:
      return `${operation} is not a tenant data operation`;
  }
}

/** Throws unless every partition key the request names is the tenant's own, `T#<tenantId>`. */
export function assertTenantRequest(tenantId: string, operation: string, input: Json): void {
  const own = tenantPartition(tenantId);
  const partitions = partitionsOf(operation, input);
  if (typeof partitions === "string")
    throw new TenantIsolationError(tenantId, operation, partitions);
  if (partitions.length === 0) throw new TenantIsolationError(tenantId, operation, "no keys");
  const foreign = partitions.filter((p) => p !== own);
  if (foreign.length > 0) {
    const shown = foreign.map((p) => p ?? "(unreadable)").join(", ");
    throw new TenantIsolationError(tenantId, operation, `partition ${shown} is not ${own}`);
  }
}

interface WireRequest {
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

/**
 * SDK middleware for the build step: by then the request is serialized, so it checks exactly what
 * goes on the wire — whichever command class or document client (marshalling) produced it.
 */
export function tenantPartitionGuard(tenantId: string) {
  tenantPartition(tenantId);
  return <Args extends { request: unknown }, Output>(next: (args: Args) => Promise<Output>) =>
    async (args: Args): Promise<Output> => {
      const request = args.request as WireRequest;
      const target = request.headers?.["x-amz-target"] ?? request.headers?.["X-Amz-Target"] ?? "";
      const operation = target.slice(target.indexOf(".") + 1) || "(unknown operation)";
      const body = request.body;
      let input: Json;
      try {
        // The JSON codec hands over bytes (a Uint8Array) in current SDKs, a string in older ones.
        input = object(JSON.parse(body instanceof Uint8Array ? utf8.decode(body) : String(body)));
      } catch {
        throw new TenantIsolationError(tenantId, operation, "request body is not JSON");
      }
      assertTenantRequest(tenantId, operation, input);
      return next(args);
    };
}
