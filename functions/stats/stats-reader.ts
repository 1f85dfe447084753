import { type Counts, slicesForJurisdiction, sumCounts } from "../../shared/stats/contribution.ts";
import {
  beijingDay,
  type ShardHistory,
  type TrendQuery,
  type Trends,
  trendPoints,
  trendRange,
} from "../../shared/stats/trends.ts";
import { NO_JURISDICTION } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { STATS_SHARDS } from "./fold-model.ts";

/** The counter shards a scope sums: its disjoint slices × the shards of each. */
function shardsOf(scope: Scope): { slice: string; shard: number }[] {
  const jurisdiction = scope.kind === "jurisdiction" ? scope.jurisdiction : NO_JURISDICTION;
  return slicesForJurisdiction(jurisdiction).flatMap((slice) =>
    Array.from({ length: STATS_SHARDS }, (_, shard) => ({ slice, shard })),
  );
}

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
  const keys = shardsOf(scope);
  if (keys.length === 0) return { counts: {}, asOf: now.toISOString() };
  const { data } = await store.entities.statsSlice.get(keys).go({ consistent: true });
  // ISO timestamps sort as text: the latest fold of any item read.
  const asOf = data
    .map((item) => item.updatedAt)
    .sort()
    .at(-1);
  return { counts: sumCounts(data.map((item) => item.counts)), asOf: asOf || now.toISOString() };
}

/** One shard's snapshots: the last before the range (carried into it) and those within it. */
async function shardHistory(
  store: Store,
  key: { slice: string; shard: number },
  from: string,
  to: string,
): Promise<ShardHistory> {
  const snapshots = store.entities.statsSnapshot.query.byShard(key);
  const [before, within] = await Promise.all([
    snapshots.lt({ date: from }).go({ order: "desc", limit: 1 }),
    snapshots.between({ date: from }, { date: to }).go({ pages: "all" }),
  ]);
  return {
    before: before.data[0]?.counts,
    days: within.data.map((s) => ({ date: s.date, counts: s.counts })),
  };
}

/**
 * The scope's daily points over the range (default the last 30 days, Beijing time): two small
 * Queries per counter shard of the scope, whatever the city's size.
 */
export async function readTrends(
  store: Store,
  scope: Scope,
  query: TrendQuery,
  now: Date,
): Promise<Trends> {
  const { from, to } = trendRange(query, beijingDay(now));
  const histories = await Promise.all(shardsOf(scope).map((k) => shardHistory(store, k, from, to)));
  return { from, to, points: trendPoints(histories, from, to), asOf: now.toISOString() };
}
