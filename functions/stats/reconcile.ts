import {
  type Counts,
  contributionOf,
  recompute,
  sumCounts,
  type WarningContribution,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import type { Store } from "../adapters/dynamodb/store.ts";

/** A counter whose folded value differs from the registry's. */
export interface Drift {
  slice: string;
  counter: string;
  folded: number;
  registry: number;
}

/**
 * Recomputes every slice from the registry (a full read of the risk sources and warnings: a
 * nightly job, never a query path) and lists each counter the fold disagrees on. The fold is exact, so any drift is
 * a bug to investigate (or sources written before the fold was deployed: a backfill).
 */
export async function reconcileStats(store: Store): Promise<Drift[]> {
  const [sources, warnings] = await Promise.all([
    store.entities.riskSource.scan.go({ pages: "all" }),
    store.entities.warning.scan.go({ pages: "all" }),
  ]);
  const expected = recompute([
    ...sources.data.map((item) => contributionOf(item.record)),
    ...warnings.data
      .map((item) => warningContributionOf(item.record))
      .filter((c): c is WarningContribution => c !== null),
  ]);
  const slices = await store.entities.statsSlice.scan.go({ pages: "all" });
  const folded = new Map<string, Counts[]>();
  for (const item of slices.data)
    folded.set(item.slice, [...(folded.get(item.slice) ?? []), item.counts]);
  const drift: Drift[] = [];
  for (const slice of new Set([...expected.keys(), ...folded.keys()])) {
    const have = sumCounts(folded.get(slice) ?? []);
    const want = expected.get(slice) ?? {};
    for (const counter of new Set([...Object.keys(have), ...Object.keys(want)])) {
      const f = have[counter] ?? 0;
      const r = want[counter] ?? 0;
      if (f !== r) drift.push({ slice, counter, folded: f, registry: r });
    }
  }
  return drift;
}
