import type {
  HiddenDanger,
  HiddenDangerListQuery,
} from "../../shared/hidden-dangers/hidden-danger.ts";
import { isOpen } from "../../shared/hidden-dangers/lifecycle.ts";
import { foldDangerStats, type HiddenDangerStats } from "../../shared/hidden-dangers/statistics.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { recordReads } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { placePartitions, placeReads } from "./place-partitions.ts";

type Filter = (d: HiddenDanger) => boolean;

function matches(q: Omit<HiddenDangerListQuery, "limit" | "cursor">): Filter {
  return (d) =>
    (q.level === undefined || d.level === q.level) &&
    (q.status === undefined || d.status === q.status) &&
    (q.riskSourceId === undefined || d.riskSourceId === q.riskSourceId) &&
    (q.supervised === undefined || d.supervised === (q.supervised === "true")) &&
    (q.open === undefined || isOpen(d.status) === (q.open === "true"));
}

/** The partitions that hold exactly the dangers the caller reaches (place-partitions.ts). */
function partitionsOf(scope: Scope, keep: Filter): Partition<HiddenDanger>[] {
  const entity = () =>
    (scope.kind === "tenant" ? storeForScope(scope) : functionStore()).entities.hiddenDanger;
  return placePartitions(scope, placeReads<HiddenDanger>(entity), keep);
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
