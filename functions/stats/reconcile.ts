import { placeOfEnterprise } from "../../shared/risk/enterprise.ts";
import {
  type Counts,
  contributionOf,
  recompute,
  sumCounts,
  type WarningContribution,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import { enterpriseContributions } from "../../shared/stats/enterprise-recompute.ts";
import { scanEntities } from "../adapters/dynamodb/scan-entities.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { enterpriseStatusOf } from "./fold-change.ts";

/** A counter whose folded value differs from the registry's. */
export interface Drift {
  slice: string;
  counter: string;
  folded: number;
  registry: number;
}

/**
 * Recomputes every slice from the registry — one full read of the table for the risk sources,
 * warnings, tenants, profiles, review notices and counters: a nightly job, never a query path —
 * and lists each counter the fold disagrees on. The fold is exact, so any drift is a bug to
 * investigate (or records written before the fold was deployed: a backfill).
 */
export async function reconcileStats(store: Store): Promise<Drift[]> {
  const { riskSource, warning, tenant, enterprise, reviewNotice, statsSlice } = await scanEntities(
    store,
    ["riskSource", "warning", "tenant", "enterprise", "reviewNotice", "statsSlice"],
  );
  const registry = riskSource.map((item) => ({
    tenantId: item.tenantId,
    sourceId: item.id,
    contribution: contributionOf(item.record),
  }));
  const statuses = new Map(tenant.map((t) => [t.tenantId, enterpriseStatusOf(t.record)]));
  const enterprises = enterprise.map((p) => ({
    tenantId: p.tenantId,
    status: statuses.get(p.tenantId) ?? null,
    place: placeOfEnterprise(p.record),
  }));
  const expected = recompute([
    ...registry.map((s) => s.contribution),
    ...enterpriseContributions(enterprises, registry, reviewNotice),
    ...warning
      .map((item) => warningContributionOf(item.record))
      .filter((c): c is WarningContribution => c !== null),
  ]);
  const folded = new Map<string, Counts[]>();
  for (const item of statsSlice)
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
