import { placeOfEnterprise } from "../../shared/risk/enterprise.ts";
import {
  type Counts,
  contributionOf,
  recompute,
  sumCounts,
  type WarningContribution,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import {
  enterpriseContributions,
  type RegistrySource,
  type ReviewNoticeRef,
} from "../../shared/stats/enterprise-recompute.ts";
import type { Place } from "../../shared/tenancy/scope.ts";
import type { TenantStatus } from "../../shared/tenancy/tenant.ts";
import { forEachScannedPage } from "../adapters/dynamodb/scan-entities.ts";
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
  // Read a page at a time and kept as the little each record adds (its contribution, a status,
  // a place), not as the records themselves.
  const registry: RegistrySource[] = [];
  const statuses = new Map<string, TenantStatus | null>();
  const places: { tenantId: string; place: Place | null }[] = [];
  const notices: ReviewNoticeRef[] = [];
  const warnings: WarningContribution[] = [];
  const slices: { slice: string; counts: Counts }[] = [];
  await forEachScannedPage(
    store,
    ["riskSource", "warning", "tenant", "enterprise", "reviewNotice", "statsSlice"],
    (page) => {
      for (const item of page.riskSource) {
        const contribution = contributionOf(item.record);
        registry.push({ tenantId: item.tenantId, sourceId: item.id, contribution });
      }
      for (const t of page.tenant) statuses.set(t.tenantId, enterpriseStatusOf(t.record));
      for (const p of page.enterprise) {
        places.push({ tenantId: p.tenantId, place: placeOfEnterprise(p.record) });
      }
      for (const n of page.reviewNotice) {
        notices.push({ tenantId: n.tenantId, sourceId: n.sourceId, dueAt: n.dueAt });
      }
      for (const item of page.warning) {
        const c = warningContributionOf(item.record);
        if (c) warnings.push(c);
      }
      for (const item of page.statsSlice) slices.push({ slice: item.slice, counts: item.counts });
    },
  );
  const enterprises = places.map(({ tenantId, place }) => ({
    tenantId,
    status: statuses.get(tenantId) ?? null,
    place,
  }));
  const expected = recompute([
    ...registry.map((s) => s.contribution),
    ...enterpriseContributions(enterprises, registry, notices),
    ...warnings,
  ]);
  const folded = new Map<string, Counts[]>();
  for (const item of slices)
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
