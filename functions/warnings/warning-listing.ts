import type { Caller } from "../../shared/tenancy/claims.ts";
import {
  covers,
  jurisdictionQueryKey,
  planJurisdictionQueries,
  type Scope,
} from "../../shared/tenancy/scope.ts";
import { isLive, type Warning } from "../../shared/warnings/warning.ts";
import type { WarningListQuery, WarningSummary } from "../../shared/warnings/warning-query.ts";
import { recordReads } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";

function matches(q: WarningListQuery, w: Warning): boolean {
  return (
    (q.level === undefined || w.level === q.level) &&
    (q.status === undefined || w.status === q.status) &&
    (q.live === undefined || isLive(w.status) === (q.live === "true")) &&
    (q.rule === undefined || w.rule === q.rule) &&
    (q.riskSourceId === undefined || w.riskSourceId === q.riskSourceId) &&
    (q.district === undefined || w.place.district === q.district) &&
    (q.industry === undefined || w.place.industry === q.industry)
  );
}

function summary(w: Warning): WarningSummary {
  const { timeline: _timeline, ...rest } = w;
  return rest;
}

type Row = { record: Warning };

/**
 * The inbox, newest first: an enterprise's own partition, or the district and industry index
 * partitions the caller's jurisdiction plans (shared/tenancy/scope.ts) — never a read of
 * everything followed by a filter; street grants and filters narrow within a partition.
 */
export async function listWarnings(
  caller: Caller,
  scope: Scope,
  query: WarningListQuery,
): Promise<{ items: WarningSummary[]; nextCursor: string | null }> {
  if (scope.kind === "agency") return { items: [], nextCursor: null };
  if (scope.kind === "tenant") {
    const entity = storeForScope(scope).entities.warning;
    const partition: Partition<Warning> = {
      id: `tenant:${scope.tenantId}`,
      read: async (cursor, limit) => {
        const page = await entity.query
          .byTenant({ tenantId: scope.tenantId })
          .go({ cursor, limit, order: "desc" });
        const items = (page.data as Row[]).map((r) => r.record).filter((w) => matches(query, w));
        return { items, cursor: page.cursor };
      },
    };
    const page = await walkPartitions([partition], query.cursor, query.limit);
    return { items: page.items.map(summary), nextCursor: page.nextCursor };
  }
  const store = functionStore();
  const entity = store.entities.warning;
  const plans = planJurisdictionQueries(scope.jurisdiction, {
    ...(query.district === undefined ? {} : { district: query.district }),
    ...(query.industry === undefined ? {} : { industry: query.industry }),
  });
  const keep = (rows: readonly Row[]) =>
    rows
      .map((r) => r.record)
      .filter((w) => covers(scope.jurisdiction, w.place) && matches(query, w));
  const partitions: Partition<Warning>[] = plans.map((plan) => ({
    id: jurisdictionQueryKey(plan),
    read: async (cursor, limit) => {
      const q =
        plan.index === "district"
          ? entity.query.byDistrict({ district: plan.district })
          : entity.query.byIndustry({ industry: plan.industry });
      const page = await q.go({ cursor, limit, order: "desc" });
      return { items: keep(page.data as Row[]), cursor: page.cursor };
    },
  }));
  const page = await walkPartitions(partitions, query.cursor, query.limit);
  await recordReads(
    store,
    caller,
    page.items.map((w) => ({ tenantId: w.tenantId, target: { type: "warning", id: w.id } })),
  );
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}
