import { LEVELS } from "../../shared/methodology/levels.ts";
import type { LevelFilter, RiskSourceListQuery } from "../../shared/risk/list-query.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import {
  covers,
  type JurisdictionQuery,
  jurisdictionQueryKey,
  placeKeys,
  planJurisdictionQueries,
  type Scope,
} from "../../shared/tenancy/scope.ts";
import { projectedQuery } from "../adapters/dynamodb/projected-query.ts";
import { SHARDS } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { recordReads } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { delegatedSources } from "../tenancy/delegation-access.ts";
import { loadSource, placeOfSource } from "./source-reach.ts";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** On the first page of a review-due listing: how many sources match in all. */
  total?: number;
}

type RiskSourceEntity = Store["entities"]["riskSource"];
type Row = { record: RiskSource };
const records = (rows: readonly Row[]) => rows.map((r) => r.record);

/** Most severe first, ungraded last, as officials read a register (and as a cut map keeps). */
export const LEVEL_ORDER: readonly LevelFilter[] = [...LEVELS, "none"];

function dueBefore(query: RiskSourceListQuery): string | undefined {
  const due = query.reviewDueBefore;
  if (due === undefined) return undefined;
  // A date means the whole day; ISO timestamps sort as strings.
  return due.length === 10 ? `${due}T23:59:59.999Z` : due;
}

/** The district or industry index query of one planned partition at one level and shard. */
export function jurisdictionIndexQuery(
  entity: RiskSourceEntity,
  plan: JurisdictionQuery,
  level: LevelFilter,
  shard: number,
) {
  const place = placeKeys(plan);
  return place.index === "district"
    ? entity.query.byDistrict({ ...place.keys, levelKey: level, shard })
    : entity.query.byIndustry({ ...place.keys, levelKey: level, shard });
}

/** The review-due index partition of one district and shard, up to a due time. */
function dueQuery(entity: RiskSourceEntity, district: string, shard: number, before: string) {
  return entity.query.reviewDue({ district, shard }).lte({ nextReviewAt: before });
}

function byLevelAndShard(
  plan: JurisdictionQuery,
  entity: RiskSourceEntity,
  level: LevelFilter,
  shard: number,
): Partition<RiskSource> {
  const read = async (cursor: string | null, limit: number) => {
    const page = await jurisdictionIndexQuery(entity, plan, level, shard).go({ cursor, limit });
    return { items: records(page.data), cursor: page.cursor };
  };
  return { id: `${jurisdictionQueryKey(plan)}:${level}:${shard}`, read };
}

/** The districts whose review-due partitions hold what the plans cover. */
function dueDistricts(
  plans: readonly JurisdictionQuery[],
  scope: Extract<Scope, { kind: "jurisdiction" }>,
): string[] {
  const districts = new Set<string>();
  for (const plan of plans) {
    if (plan.index === "district") districts.add(plan.district);
    else if (plan.prefix[0] !== undefined) districts.add(plan.prefix[0]);
  }
  if (districts.size === 0 && plans.length > 0) {
    for (const plan of planJurisdictionQueries({ ...scope.jurisdiction, industries: [] })) {
      if (plan.index === "district") districts.add(plan.district);
    }
  }
  return [...districts];
}

/** Review-due listings use the sparse review-due index, keyed by district and shard. */
function reviewDuePartitions(
  plans: readonly JurisdictionQuery[],
  entity: RiskSourceEntity,
  before: string,
  scope: Extract<Scope, { kind: "jurisdiction" }>,
  query: RiskSourceListQuery,
): Partition<RiskSource>[] {
  return dueDistricts(plans, scope).flatMap((district) =>
    SHARDS.map((shard) => ({
      id: `due:${district}:${shard}:${before}`,
      read: async (cursor: string | null, limit: number) => {
        const page = await dueQuery(entity, district, shard, before).go({ cursor, limit });
        // The index is keyed by district; street and industry grants (and filters) narrow it.
        const items = records(page.data).filter(
          (s) => covers(scope.jurisdiction, placeOfSource(s)) && matches(query, s),
        );
        return { items, cursor: page.cursor };
      },
    })),
  );
}

/** What `matches` and the scope check read of a source: the count projects only these. */
const MATCHED_PATHS = [
  ["record", "tenantId"],
  ["record", "currentLevel"],
  ["record", "industry"],
  ["record", "supervision", "district"],
  ["record", "supervision", "street"],
  ["record", "nextReviewAt"],
] as const;
type MatchedFields = Pick<
  RiskSource,
  "tenantId" | "currentLevel" | "industry" | "supervision" | "nextReviewAt"
>;

/**
 * How many sources a review-due listing holds in all: the same index partitions, each item
 * projected to the fields the filters read. The index is sparse and ordered by due date, so
 * only sources already due are read — an overdue count costs what is overdue, not the city.
 */
async function countDue(
  store: Store,
  plans: readonly JurisdictionQuery[],
  before: string,
  scope: Extract<Scope, { kind: "jurisdiction" }>,
  query: RiskSourceListQuery,
): Promise<number> {
  const entity = store.entities.riskSource;
  const counts = await Promise.all(
    dueDistricts(plans, scope).flatMap((district) =>
      SHARDS.map(async (shard) => {
        const params = dueQuery(entity, district, shard, before).params();
        const items = await projectedQuery(store, params, MATCHED_PATHS).all();
        return items
          .map((item) => (item as { record: MatchedFields }).record)
          .filter((s) => covers(scope.jurisdiction, placeOfSource(s)) && matches(query, s)).length;
      }),
    ),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

/** One enterprise's sources: its own partition, narrowed to what the jurisdiction covers. */
function enterprisePartition(
  entity: RiskSourceEntity,
  tenantId: string,
  scope: Extract<Scope, { kind: "jurisdiction" }>,
  query: RiskSourceListQuery,
): Partition<RiskSource> {
  return {
    id: `enterprise:${tenantId}`,
    read: async (cursor, limit) => {
      const page = await entity.query.byTenant({ tenantId }).go({ cursor, limit });
      const items = records(page.data).filter(
        (s) => covers(scope.jurisdiction, placeOfSource(s)) && matches(query, s),
      );
      return { items, cursor: page.cursor };
    },
  };
}

async function listForJurisdiction(
  caller: Caller,
  scope: Extract<Scope, { kind: "jurisdiction" }>,
  query: RiskSourceListQuery,
): Promise<Page<RiskSource>> {
  const store = functionStore();
  const entity = store.entities.riskSource;
  const plans = planJurisdictionQueries(scope.jurisdiction, {
    ...(query.district === undefined ? {} : { district: query.district }),
    ...(query.street === undefined ? {} : { street: query.street }),
    ...(query.industry === undefined ? {} : { industry: query.industry }),
  });
  const before = dueBefore(query);
  const partitions =
    query.enterprise !== undefined
      ? [enterprisePartition(entity, query.enterprise, scope, query)]
      : before !== undefined
        ? reviewDuePartitions(plans, entity, before, scope, query)
        : plans.flatMap((plan) =>
            (query.level === undefined ? LEVEL_ORDER : [query.level]).flatMap((level) =>
              SHARDS.map((shard) => byLevelAndShard(plan, entity, level, shard)),
            ),
          );
  const counted =
    before !== undefined && query.enterprise === undefined && query.cursor === undefined;
  const [page, total] = await Promise.all([
    walkPartitions(partitions, query.cursor, query.limit),
    counted ? countDue(store, plans, before, scope, query) : undefined,
  ]);
  await recordReads(
    store,
    caller,
    page.items.map((s) => ({ tenantId: s.tenantId, target: { type: "riskSource", id: s.id } })),
  );
  return total === undefined ? page : { ...page, total };
}

function matches(query: RiskSourceListQuery, s: MatchedFields): boolean {
  const before = dueBefore(query);
  return (
    (query.enterprise === undefined || s.tenantId === query.enterprise) &&
    (query.level === undefined || (s.currentLevel ?? "none") === query.level) &&
    (query.industry === undefined || s.industry === query.industry) &&
    (query.district === undefined || s.supervision.district === query.district) &&
    (query.street === undefined || s.supervision.street === query.street) &&
    (before === undefined || (s.nextReviewAt !== null && s.nextReviewAt <= before))
  );
}

/** An enterprise's own register: one partition, its own. */
async function listOwn(scope: Scope, query: RiskSourceListQuery): Promise<Page<RiskSource>> {
  const entity = storeForScope(scope).entities.riskSource;
  const partition: Partition<RiskSource> = {
    id: `tenant:${scope.tenantId}`,
    read: async (cursor, limit) => {
      const page = await entity.query.byTenant({ tenantId: scope.tenantId }).go({ cursor, limit });
      return { items: records(page.data).filter((s) => matches(query, s)), cursor: page.cursor };
    },
  };
  return walkPartitions([partition], query.cursor, query.limit);
}

/** An assessment agency's reach: the sources delegated to it now, enterprise by enterprise. */
async function listDelegated(scope: Scope, query: RiskSourceListQuery): Promise<Page<RiskSource>> {
  const store = functionStore();
  const reach = await delegatedSources(store, scope.tenantId);
  const partitions: Partition<RiskSource>[] = [...reach.keys()].sort().map((tenantId) => ({
    id: `delegated:${tenantId}`,
    read: async (cursor, limit) => {
      const ids = [...(reach.get(tenantId) ?? [])].sort();
      const from = cursor === null ? 0 : Number(cursor);
      const slice = ids.slice(from, from + limit);
      const found = await Promise.all(slice.map((id) => loadSource(store, tenantId, id)));
      const items = found.filter((s): s is RiskSource => s !== undefined && matches(query, s));
      const next = from + slice.length;
      return { items, cursor: next < ids.length ? String(next) : null };
    },
  }));
  return walkPartitions(partitions, query.cursor, query.limit);
}

/** Lists what the caller's scope reaches; filters only narrow it. */
export function listRiskSources(
  caller: Caller,
  scope: Scope,
  query: RiskSourceListQuery,
): Promise<Page<RiskSource>> {
  if (scope.kind === "jurisdiction") return listForJurisdiction(caller, scope, query);
  if (scope.kind === "agency") return listDelegated(scope, query);
  return listOwn(scope, query);
}
