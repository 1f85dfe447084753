import { LEVELS, type Level } from "../../shared/methodology/levels.ts";
import type { LevelFilter } from "../../shared/risk/list-query.ts";
import type { MapPoint, MapPoints, MapPointsQuery } from "../../shared/risk/map-points.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, planJurisdictionQueries, type Scope } from "../../shared/tenancy/scope.ts";
import { projectedQuery } from "../adapters/dynamodb/projected-query.ts";
import { SHARDS } from "../adapters/dynamodb/shard.ts";
import { recordReads } from "../audit/audit-log.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { listRiskSources } from "./risk-source-listing.ts";

/** Most severe first, ungraded last: what a cut map keeps. */
const LEVEL_ORDER: readonly LevelFilter[] = [...LEVELS, "none"];

/** The parts of a stored source a point (and its scope check) needs. */
const PATHS = [
  ["record", "id"],
  ["record", "tenantId"],
  ["record", "name"],
  ["record", "currentLevel"],
  ["record", "location"],
  ["record", "industry"],
  ["record", "supervision", "district"],
  ["record", "supervision", "street"],
] as const;

interface ProjectedSource {
  id: string;
  tenantId: string;
  name: string;
  currentLevel: Level | null;
  location: { lon: number; lat: number };
  industry: string;
  supervision: { district: string; street: string };
}

const pointOf = (s: Pick<ProjectedSource, "id" | "name" | "currentLevel" | "location">) => ({
  id: s.id,
  name: s.name,
  level: s.currentLevel,
  lon: s.location.lon,
  lat: s.location.lat,
});

/**
 * One district's points for an official: every index partition the jurisdiction plans for it
 * (level × shard, per street or industry grant) read at once, projected to the point's fields,
 * then kept most severe first up to the limit. The general listing pages full records 200 at a
 * time one partition after another; at 100,000 sources a map took ten such round trips.
 */
async function jurisdictionPoints(
  caller: Caller,
  scope: Extract<Scope, { kind: "jurisdiction" }>,
  query: MapPointsQuery,
): Promise<MapPoints> {
  const store = functionStore();
  const entity = store.entities.riskSource;
  const plans = planJurisdictionQueries(scope.jurisdiction, {
    district: query.district,
    ...(query.industry === undefined ? {} : { industry: query.industry }),
  });
  const levels = query.level === undefined ? LEVEL_ORDER : [query.level];
  const reads = levels.flatMap((levelKey) =>
    plans.flatMap((plan) =>
      SHARDS.map((shard) => {
        const q =
          plan.index === "district"
            ? entity.query.byDistrict({
                district: plan.district,
                levelKey,
                shard,
                ...(plan.prefix[0] === undefined ? {} : { street: plan.prefix[0] }),
              })
            : entity.query.byIndustry({
                industry: plan.industry,
                levelKey,
                shard,
                ...(plan.prefix[0] === undefined ? {} : { district: plan.prefix[0] }),
                ...(plan.prefix[1] === undefined ? {} : { street: plan.prefix[1] }),
              });
        return projectedQuery(store, q.params(), PATHS, query.limit);
      }),
    ),
  );
  // In level order, so the cut drops the least severe.
  const pages = await Promise.all(reads);
  const seen = new Set<string>();
  const kept: ProjectedSource[] = [];
  let more = false;
  for (const page of pages) {
    more ||= page.more;
    for (const item of page.items) {
      const s = (item as { record: ProjectedSource }).record;
      const place = { ...s.supervision, industry: s.industry };
      if (seen.has(s.id) || !covers(scope.jurisdiction, place)) continue;
      if (query.industry !== undefined && s.industry !== query.industry) continue;
      seen.add(s.id);
      kept.push(s);
    }
  }
  const shown = kept.slice(0, query.limit);
  await recordReads(
    store,
    caller,
    shown.map((s) => ({ tenantId: s.tenantId, target: { type: "riskSource", id: s.id } })),
  );
  return { items: shown.map(pointOf), truncated: more || kept.length > query.limit };
}

/** An enterprise's or an agency's points: its own (or delegated) listing, page by page. */
async function listedPoints(
  caller: Caller,
  scope: Scope,
  query: MapPointsQuery,
): Promise<MapPoints> {
  const points: MapPoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRiskSources(caller, scope, {
      district: query.district,
      ...(query.level === undefined ? {} : { level: query.level }),
      ...(query.industry === undefined ? {} : { industry: query.industry }),
      ...(cursor === undefined ? {} : { cursor }),
      limit: 200,
    });
    points.push(...page.items.map(pointOf));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && points.length <= query.limit);
  return {
    items: points.slice(0, query.limit),
    truncated: cursor !== undefined || points.length > query.limit,
  };
}

/** The risk e-map's points of one district within the caller's reach (风险电子地图). */
export function mapPoints(caller: Caller, scope: Scope, query: MapPointsQuery): Promise<MapPoints> {
  return scope.kind === "jurisdiction"
    ? jurisdictionPoints(caller, scope, query)
    : listedPoints(caller, scope, query);
}
