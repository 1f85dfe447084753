import { type Counts, slicesForJurisdiction, sumCounts } from "../../shared/stats/contribution.ts";
import { NO_JURISDICTION } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { STATS_SHARDS } from "./fold.ts";

/** A scope's counters and the time they were last folded. */
export interface ScopeCounts {
  counts: Counts;
  asOf: string;
}

/**
 * Sums the counter items of the disjoint slices a scope is made of: slices × shards items, one
 * BatchGet, however many enterprises the city holds. Only jurisdictions have statistics.
 */
export async function readScopeCounts(store: Store, scope: Scope, now: Date): Promise<ScopeCounts> {
  const jurisdiction = scope.kind === "jurisdiction" ? scope.jurisdiction : NO_JURISDICTION;
  const keys = slicesForJurisdiction(jurisdiction).flatMap((slice) =>
    Array.from({ length: STATS_SHARDS }, (_, shard) => ({ slice, shard })),
  );
  if (keys.length === 0) return { counts: {}, asOf: now.toISOString() };
  const { data } = await store.entities.statsSlice.get(keys).go({ consistent: true });
  // ISO timestamps sort as text: the latest fold of any item read.
  const asOf = data
    .map((item) => item.updatedAt)
    .sort()
    .at(-1);
  return { counts: sumCounts(data.map((item) => item.counts)), asOf: asOf || now.toISOString() };
}
