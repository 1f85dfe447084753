import { batchWrite } from "../adapters/dynamodb/batch-write.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";

/**
 * The removal's step that leaves the source's indicators to the outbox: they are deleted after
 * the removal commits (`removeIndicatorsOf`), since a source with many sensors would not fit the
 * removal's transaction. Until then their readings are refused as the source's.
 */
export function indicatorRemovalStep(tenantId: string, riskSourceId: string, now: Date): WriteStep {
  return outboxStep(tenantId, { channel: "indicators", tenantId, riskSourceId }, now);
}

/**
 * Deletes a removed source's indicators with their state items, in batches: every state item
 * first, then the indicators, so a run cut short leaves indicators that the next run finds again;
 * nothing writes them meanwhile (readings and edits of a removed source are refused), and
 * repeating the run is harmless. Answers how many indicators it deleted.
 */
export async function removeIndicatorsOf(
  store: Store,
  tenantId: string,
  riskSourceId: string,
): Promise<number> {
  const { data } = await store.entities.indicator.query
    .byTenant({ tenantId, riskSourceId })
    .go({ pages: "all" });
  await batchWrite(
    "indicator states",
    data.map(({ id }) => ({ tenantId, indicatorId: id })),
    (keys) => store.entities.indicatorState.delete(keys).go(),
    (key) => key.indicatorId,
  );
  await batchWrite(
    "indicators",
    data.map(({ id }) => ({ tenantId, riskSourceId, id })),
    (keys) => store.entities.indicator.delete(keys).go(),
    (key) => key.id,
  );
  return data.length;
}
