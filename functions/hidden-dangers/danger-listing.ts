import type {
  HiddenDanger,
  HiddenDangerListQuery,
} from "../../shared/hidden-dangers/hidden-danger.ts";
import { isOpen } from "../../shared/hidden-dangers/lifecycle.ts";
import { foldDangerStats, type HiddenDangerStats } from "../../shared/hidden-dangers/statistics.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, planJurisdictionQueries, type Scope } from "../../shared/tenancy/scope.ts";
import { recordReads } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";

type Row = { record: HiddenDanger };
type Filter = (d: HiddenDanger) => boolean;

function matches(q: Omit<HiddenDangerListQuery, "limit" | "cursor">): Filter {
  return (d) =>
    (q.level === undefined || d.level === q.level) &&
    (q.status === undefined || d.status === q.status) &&
    (q.riskSourceId === undefined || d.riskSourceId === q.riskSourceId) &&
    (q.supervised === undefined || d.supervised === (q.supervised === "true")) &&
    (q.open === undefined || isOpen(d.status) === (q.open === "true"));
}

/**
 * The partitions that hold exactly what the caller reaches, newest first: an enterprise's own
 * partition, or the district and industry index partitions its jurisdiction plans — never a
 * read of everything followed by a filter.
 */
function partitionsOf(scope: Scope, keep: Filter): Partition<HiddenDanger>[] {
  if (scope.kind === "agency") return [];
  if (scope.kind === "tenant") {
    const entity = storeForScope(scope).entities.hiddenDanger;
    return [
      {
        id: `tenant:${scope.tenantId}`,
        read: async (cursor, limit) => {
          const page = await entity.query
            .byTenant({ tenantId: scope.tenantId })
            .go({ cursor, limit, order: "desc" });
          return {
            items: (page.data as Row[]).map((r) => r.record).filter(keep),
            cursor: page.cursor,
          };
        },
      },
    ];
  }
  const entity = functionStore().entities.hiddenDanger;
  const inReach: Filter = (d) => covers(scope.jurisdiction, d.place) && keep(d);
  return planJurisdictionQueries(scope.jurisdiction).map((plan) => ({
    id: `${plan.index}:${plan.index === "district" ? plan.district : plan.industry}:${plan.prefix.join("/")}`,
    read: async (cursor, limit) => {
      const q =
        plan.index === "district"
          ? entity.query.byDistrict({ district: plan.district })
          : entity.query.byIndustry({ industry: plan.industry });
      const page = await q.go({ cursor, limit, order: "desc" });
      return {
        items: (page.data as Row[]).map((r) => r.record).filter(inReach),
        cursor: page.cursor,
      };
    },
  }));
}

/** The hidden dangers within reach, newest first, `{ items, nextCursor }`; officials' reads audited. */
export async function listHiddenDangers(
  caller: Caller,
  scope: Scope,
  query: HiddenDangerListQuery,
): Promise<{ items: HiddenDanger[]; nextCursor: string | null }> {
  const page = await walkPartitions(partitionsOf(scope, matches(query)), query.cursor, query.limit);
  if (scope.kind === "jurisdiction") {
    await recordReads(
      functionStore(),
      caller,
      page.items.map((d) => ({ tenantId: d.tenantId, target: { type: "hiddenDanger", id: d.id } })),
    );
  }
  return page;
}

/**
 * Quarterly or yearly statistics of the dangers within reach (domain.md §7), with the period's
 * reporting deadline. Reads every danger in reach page by page: counts only, nothing returned.
 */
export async function hiddenDangerStats(scope: Scope, period: string): Promise<HiddenDangerStats> {
  const all: HiddenDanger[] = [];
  let cursor: string | undefined;
  const partitions = partitionsOf(scope, () => true);
  do {
    const page = await walkPartitions(partitions, cursor, 200);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return foldDangerStats(period, all);
}
