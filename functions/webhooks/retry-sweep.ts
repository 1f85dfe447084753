import { DELIVERY_SHARDS } from "../adapters/dynamodb/entities/webhook.ts";
import { type AttemptDeps, attemptDelivery, type DeliveryKey } from "./attempt.ts";

/** Deliveries attempted side by side: receivers answer slowly (up to 15 s), the table does not. */
const PARALLEL = 10;
/** Due deliveries one run takes on; the rest wait for the next minute. */
const PER_RUN = 500;

/**
 * Attempts every delivery due at `now`: retries on the schedule, replays, and deliveries whose
 * worker died after claiming them (their lease ran out). Each attempt claims its delivery
 * first, so overlapping runs and the queue consumer never send the same attempt twice. No new
 * attempt starts once `outOfTime` says so: the rest wait for the next run. Answers how many
 * were attempted.
 */
export async function sweepDueDeliveries(
  deps: AttemptDeps,
  now: Date,
  outOfTime: () => boolean = () => false,
): Promise<number> {
  const until = new Date(now.getTime() + 1).toISOString();
  const due: DeliveryKey[] = [];
  for (let shard = 0; shard < DELIVERY_SHARDS && due.length < PER_RUN; shard++) {
    const { data } = await deps.store.entities.webhookDelivery.query
      .due({ shard })
      .lte({ dueAt: until })
      .go({ limit: PER_RUN - due.length });
    due.push(...data.map((d) => ({ tenantId: d.tenantId, endpointId: d.endpointId, id: d.id })));
  }
  let next = 0;
  const worker = async () => {
    while (next < due.length && !outOfTime()) {
      const key = due[next++];
      if (key) await attemptDelivery({ ...deps, now: () => now }, key);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, worker));
  return Math.min(next, due.length);
}
