import { createHash } from "node:crypto";
import {
  type AttributeValue,
  DynamoDBClient,
  QueryCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";

/** Item count and a digest of every item of a stack's table: equal before and after = no write. */
export interface TableCensus {
  count: number;
  digest: string;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

type Item = Record<string, AttributeValue>;

/**
 * Bookkeeping that changes without a request of the caller: integrators' rate counters, the
 * progress of import jobs, which the queue worker updates asynchronously, the statistics the
 * stream fold writes after other requests' registry changes (functions/stats/), and webhook
 * deliveries and their attempt log, which the delivery function and the retry sweep write for
 * other requests' events (functions/webhooks/; the webhook routes' own cases read them), and
 * the SMS and e-mail channels' delivery records, rate counters, digests and local SMS outbox,
 * which their queue consumers write for other requests' warnings (functions/notifications/).
 */
function isBookkeeping(item: Item): boolean {
  const sk = item.sk?.S ?? "";
  const pk = item.pk?.S ?? "";
  return (
    sk.startsWith("RATE#") ||
    sk.startsWith("IMPORT#") ||
    sk.startsWith("REPORT#") ||
    sk.startsWith("STC#") ||
    sk.startsWith("WHD#") ||
    sk.startsWith("WHA#") ||
    sk.startsWith("NDLV#") ||
    sk.startsWith("NRATE#") ||
    sk.startsWith("NDIG#") ||
    pk === "LOCALSMS" ||
    pk.startsWith("STATS#") ||
    pk.startsWith("STATSDAY#")
  );
}

/**
 * What of an item a request decides. An outbox message is the request's (its key counts, so a
 * refused request that queued one is caught), but its delivery state is the relay's and the
 * sweep's, changing in the background; so is a webhook endpoint's health (failing mark, disabled
 * after a 410), which deliveries change.
 */
function decided(item: Item): Item {
  const sk = item.sk?.S ?? "";
  if ((sk.startsWith("OB#") || sk.startsWith("WH#")) && item.pk && item.sk)
    return { pk: item.pk, sk: item.sk };
  return item;
}

async function readAll(
  client: DynamoDBClient,
  tableName: string,
  partition: string | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(
      partition === undefined
        ? new ScanCommand({ TableName: tableName, ExclusiveStartKey: start })
        : new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: "pk = :pk",
            ExpressionAttributeValues: { ":pk": { S: partition } },
            ExclusiveStartKey: start,
          }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Reads the table (or only the partitions of the given tenants, `T#<tenantId>`) into a count and
 * an order-independent digest, leaving out asynchronous bookkeeping.
 */
export async function tableCensus(
  stack: LocalStack,
  tenantIds?: readonly string[],
): Promise<TableCensus> {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: stack.endpoints.dynamodb,
  });
  const partitions = tenantIds === undefined ? [undefined] : tenantIds.map((t) => `T#${t}`);
  const read = await Promise.all(partitions.map((p) => readAll(client, stack.tableName, p)));
  client.destroy();
  const lines = read
    .flat()
    .filter((item) => !isBookkeeping(item))
    .map((item) => stable(decided(item)));
  lines.sort();
  return {
    count: lines.length,
    digest: createHash("sha256").update(lines.join("\n")).digest("hex"),
  };
}
