import type { OutboxMessage } from "../../../shared/outbox/outbox-message.ts";
import { isConditionFailure } from "../../adapters/dynamodb/conditions.ts";
import { OUTBOX_SHARDS } from "../../adapters/dynamodb/entities/outbox-message.ts";
import type { Store } from "../../adapters/dynamodb/store.ts";
import type { Channels } from "./channels.ts";
import { type DeliveryOutcome, deliverMessage } from "./deliver.ts";
import { outboxItem } from "./outbox-item.ts";

const SHARDS = Array.from({ length: OUTBOX_SHARDS }, (_, shard) => shard);

/**
 * Messages of one state in one shard of the undelivered index, oldest due first. The sort key is
 * `<nextAttemptAt>#<id>`, so "due by T" is "before T + 1 ms" (a key equal to T sorts after "T").
 */
async function undelivered(
  store: Store,
  status: "pending" | "dead",
  shard: number,
  dueBy: string | undefined,
  limit: number,
): Promise<OutboxMessage[]> {
  const query = store.entities.outboxMessage.query.undelivered({ status, shard });
  const { data } = await (dueBy === undefined
    ? query.go({ limit })
    : query.lt({ nextAttemptAt: new Date(Date.parse(dueBy) + 1).toISOString() }).go({ limit }));
  return data.map((d) => d.record);
}

/** What a sweep did; `unfinished` when it stopped for time with due messages left. */
export type SweepReport = Record<DeliveryOutcome, number> & { unfinished: boolean };

/**
 * Delivers every pending message whose next attempt is due: the ones the stream did not carry
 * (a stack stopped before its poller read them, a crashed delivery) and the retries after a
 * backoff. `perShard` bounds one sweep, and `outOfTime` (asked before each message) ends it
 * early between two deliveries; the next sweep continues with what is left.
 */
export async function sweepDue(
  store: Store,
  now: Date,
  channels?: Channels,
  {
    perShard = 100,
    outOfTime = () => false,
  }: { perShard?: number; outOfTime?: () => boolean } = {},
): Promise<SweepReport> {
  const report: SweepReport = { delivered: 0, failed: 0, dead: 0, skipped: 0, unfinished: false };
  for (const shard of SHARDS) {
    const due = await undelivered(store, "pending", shard, now.toISOString(), perShard);
    for (const message of due) {
      if (outOfTime()) return { ...report, unfinished: true };
      const outcome = await deliverMessage(store, message, now, channels);
      report[outcome] += 1;
    }
  }
  return report;
}

/** The messages set aside after their last attempt, for an operator to look at. */
export async function deadMessages(store: Store, perShard = 1000): Promise<OutboxMessage[]> {
  const lists = await Promise.all(
    SHARDS.map((shard) => undelivered(store, "dead", shard, undefined, perShard)),
  );
  return lists.flat();
}

/**
 * Puts dead messages back in line with a fresh count of attempts (the DLQ redrive): the stream
 * delivers each at once, a sweep otherwise. Returns how many were redriven.
 */
export async function redriveDead(store: Store, now: Date): Promise<number> {
  let redriven = 0;
  for (const message of await deadMessages(store)) {
    const again: OutboxMessage = {
      ...message,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now.toISOString(),
    };
    try {
      await store.entities.outboxMessage
        .put(outboxItem(again))
        .where((attr, { eq }) => eq(attr.status, "dead"))
        .go();
      redriven += 1;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return redriven;
}
