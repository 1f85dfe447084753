import {
  type Counts,
  contributionOf,
  recompute,
  sumCounts,
  type WarningContribution,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import { enterpriseContributions } from "../../shared/stats/enterprise-recompute.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { enterpriseStatusOf, placeOf } from "./fold-change.ts";

/** A counter whose folded value differs from the registry's. */
export interface Drift {
  slice: string;
  counter: string;
  folded: number;
  registry: number;
}

/**
 * Recomputes every slice from the registry (a full read of the risk sources, warnings, tenants
 * and review notices: a nightly job, never a query path) and lists each counter the fold
 * disagrees on. The fold is exact, so any drift is a bug to investigate (or records written
 * before the fold was deployed: a backfill).
 */
export async function reconcileStats(store: Store): Promise<Drift[]> {
  const { riskSource, warning, tenant, enterprise, reviewNotice } = store.entities;
  const [sources, warnings, tenants, profiles, notices] = await Promise.all([
    riskSource.scan.go({ pages: "all" }),
    warning.scan.go({ pages: "all" }),
    tenant.query.byKind({ kind: "enterprise" }).go({ pages: "all" }),
    enterprise.scan.go({ pages: "all" }),
    reviewNotice.scan.go({ pages: "all" }),
  ]);
  const registry = sources.data.map((item) => ({
    tenantId: item.tenantId,
    sourceId: item.id,
    contribution: contributionOf(item.record),
  }));
  const statuses = new Map(tenants.data.map((t) => [t.tenantId, enterpriseStatusOf(t.record)]));
  const enterprises = profiles.data.map((p) => ({
    tenantId: p.tenantId,
    status: statuses.get(p.tenantId) ?? null,
    place: placeOf(p.record),
  }));
  const expected = recompute([
    ...registry.map((s) => s.contribution),
    ...enterpriseContributions(enterprises, registry, notices.data),
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
