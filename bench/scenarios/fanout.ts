import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PublishBatchCommand, SNSClient } from "@aws-sdk/client-sns";
import { type EventEnvelope, eventAttributes } from "../../events/envelope.ts";
import { type Store, storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { DELIVERY_LEASE_SECONDS } from "../../functions/notifications/deliver.ts";
import { topicEnvName } from "../../functions/platform/environment.ts";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local/start-dynamodb-local.ts";
import { startAwsEmulators } from "../../infra/local/emulators/start-aws-emulators.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import { startLocalStack } from "../../infra/local/start-stack.ts";
import { raisedEnvelope } from "../../test/support/warning-event-fixtures.ts";
import type { BenchResult } from "../run.ts";

/**
 * benchmarks.md `fanout`, SMS and e-mail channels: TOTAL red warnings of Chaoyang sources are
 * published to the `events` topic (as the outbox relay does) and each is sent twice (a
 * redelivery); the local stack's SNS → SQS fan-out and queue pollers run the real delivery
 * functions. Every (event, recipient, channel) must end with exactly one settled delivery item
 * (sent, or folded into a digest by the rate limit), none missing; the first attempt's time is
 * the claim (lease start). Hook for the webhook channel: add `"webhooks"` to CHANNELS with its
 * own delivery-log check when functions/webhooks lands.
 */
const TOTAL = Number(process.env.BENCH_FANOUT_TOTAL ?? 10_000);
const CHANNELS = ["sms", "email"] as const;
/** Who a Chaoyang gas warning reaches in the seeded tenancy: the station's admin and the district official. */
const RECIPIENTS = [
  { tenantId: "t-gas-station-chaoyang", userId: "u-gas-station-admin" },
  { tenantId: "t-district-110105", userId: "u-chaoyang-official" },
];
const DEADLINE_MS = Number(process.env.BENCH_FANOUT_DEADLINE_MS ?? 30 * 60_000);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Fifty sources of the demo gas station, in turn. */
function envelope(i: number, at: Date): EventEnvelope {
  return raisedEnvelope("major", `压测风险源 ${i % 50}`, at, `rs-bench-${i % 50}`);
}

async function deliveries(store: Store, ids: ReadonlySet<string>) {
  const found: { key: string; status: string; firstAttempt: number }[] = [];
  for (const r of RECIPIENTS) {
    const { data } = await store.entities.notificationDelivery.query
      .byTenant({ tenantId: r.tenantId })
      .go({ pages: "all" });
    for (const d of data) {
      if (!ids.has(d.eventId)) continue;
      found.push({
        key: `${d.eventId}.${d.userId}.${d.channel}`,
        status: d.status,
        firstAttempt: Date.parse(d.leaseUntil) - DELIVERY_LEASE_SECONDS * 1000,
      });
    }
  }
  return found;
}

export async function fanout(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "cityrisk-bench-fanout-"));
  // In-memory DynamoDB Local with a patient start: the shared machine is often loaded.
  const dynamodb = await startDynamoDbLocal({ inMemory: true, startTimeoutMs: 180_000 });
  const aws = await startAwsEmulators();
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    emulators: { dynamodb: dynamodb.endpoint, aws: aws.endpoint },
  });
  try {
    const client = new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.endpoints.dynamodb,
    });
    const store = storeFor(client, stack.tableName);
    await seedDemoTenants(store, new Date());
    const sns = new SNSClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.endpoints.aws,
    });
    const topicArn = process.env[topicEnvName("events")] ?? "";
    const raisedAt = new Map<string, number>();
    const ids = new Set<string>();
    const started = Date.now();
    // Each batch goes out twice: the second copy is the redelivery the consumers must absorb.
    for (let i = 0; i < TOTAL; i += 10) {
      const batch = Array.from({ length: Math.min(10, TOTAL - i) }, (_, k) =>
        envelope(i + k, new Date()),
      );
      for (const e of batch) {
        ids.add(e.id);
        raisedAt.set(e.id, Date.now());
      }
      for (let copy = 0; copy < 2; copy++) {
        await sns.send(
          new PublishBatchCommand({
            TopicArn: topicArn,
            PublishBatchRequestEntries: batch.map((e, k) => ({
              Id: `${k}`,
              Message: JSON.stringify(e),
              MessageAttributes: Object.fromEntries(
                Object.entries(eventAttributes(e)).map(([n, v]) => [
                  n,
                  { DataType: "String", StringValue: v },
                ]),
              ),
            })),
          }),
        );
      }
    }
    const expected = TOTAL * RECIPIENTS.length * CHANNELS.length;
    let found = await deliveries(store, ids);
    while (
      (found.length < expected || found.some((d) => d.status === "sending")) &&
      Date.now() - started < DEADLINE_MS
    ) {
      await new Promise((r) => setTimeout(r, 2000));
      found = await deliveries(store, ids);
      console.log(`  ${found.length}/${expected} deliveries settled or claimed`);
    }
    const seconds = (Date.now() - started) / 1000;
    const keys = found.map((d) => d.key);
    const twice = keys.length - new Set(keys).size;
    const lost = expected - new Set(keys).size;
    const sent = found.filter((d) => d.status === "sent").length;
    const folded = found.filter((d) => d.status === "folded").length;
    const latencies = found
      .map((d) => d.firstAttempt - (raisedAt.get(d.key.split(".")[0] ?? "") ?? 0))
      .sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    const met = lost === 0 && twice === 0 && p99 <= 1000;
    return {
      headline: `fanout: ${TOTAL} warnings × ${RECIPIENTS.length} recipients × sms+email, ${lost} lost, ${twice} twice, raise→first attempt p99 ${p99.toFixed(0)} ms — ${met ? "meets" : "MISSES"} target (nothing lost or doubled, p99 ≤ 1 s); webhooks not yet in this run`,
      figures: {
        workload: `${TOTAL} warning.raised events, each published twice, ${expected} deliveries expected`,
        outcome: `${sent} sent, ${folded} folded into digests by the rate limit, ${lost} lost, ${twice} twice`,
        time: `${seconds.toFixed(1)} s (${(expected / seconds).toFixed(0)} deliveries/s)`,
        "raise→first attempt": `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
      },
    };
  } finally {
    await stack.stop();
    await aws.stop();
    await dynamodb.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
