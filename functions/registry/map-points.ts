import type { QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { MapPoint, MapPoints, MapPointsQuery } from "../../shared/risk/map-points.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, planJurisdictionQueries, type Scope } from "../../shared/tenancy/scope.ts";
import { projectedQuery } from "../adapters/dynamodb/projected-query.ts";
import { SHARDS } from "../adapters/dynamodb/shard.ts";
import { recordReads } from "../audit/audit-log.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { jurisdictionIndexQuery, LEVEL_ORDER, listRiskSources } from "./risk-source-listing.ts";

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

type StartKey = QueryCommandInput["ExclusiveStartKey"];

/** What the projection returns of a source (`supervision` holds only district and street). */
type ProjectedSource = Pick<
  RiskSource,
  "id" | "tenantId" | "name" | "currentLevel" | "location" | "industry" | "supervision"
>;

const pointOf = (s: Pick<ProjectedSource, "id" | "name" | "currentLevel" | "location">) => ({
  id: s.id,
  name: s.name,
  level: s.currentLevel,
  lon: s.location.lon,
  lat: s.location.lat,
});

type Projected = ReturnType<typeof projectedQuery>;

/**
 * Up to `want` sources of one level that `keep` accepts, read from its partitions (shards, per
 * grant) at once, each asked for its share of what is still wanted, page after page: about as
 * many items are read as are kept.
 */
async function readLevel(
  partitions: readonly Projected[],
  want: number,
  keep: (s: ProjectedSource) => boolean,
): Promise<{ kept: ProjectedSource[] }> {
  const kept: ProjectedSource[] = [];
  let open = partitions.map((query) => ({ query, start: undefined as StartKey, done: false }));
  while (kept.length < want && open.length > 0) {
    const share = Math.max(1, Math.ceil((want - kept.length) / open.length));
    const pages = await Promise.all(open.map((p) => p.query.page(p.start, share)));
    pages.forEach((page, i) => {
      const partition = open[i];
      if (!partition) return;
      for (const item of page.items) {
        const s = (item as { record: ProjectedSource }).record;
        if (keep(s)) kept.push(s);
      }
      partition.start = page.next;
      partition.done = page.next === undefined;
    });
    open = open.filter((p) => !p.done);
  }
  return { kept };
}

/**
 * One district's points for an official: levels most severe first, each level's index
 * partitions (shard × street or industry grant) read at once and projected to the point's
 * fields, until the limit. The general listing pages full records 200 at a time one partition
 * after another; at 100,000 sources a map took ten such round trips.
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
  const seen = new Set<string>();
  const keep = (s: ProjectedSource) => {
    const place = { ...s.supervision, industry: s.industry };
    if (seen.has(s.id) || !covers(scope.jurisdiction, place)) return false;
    if (query.industry !== undefined && s.industry !== query.industry) return false;
    seen.add(s.id);
    return true;
  };
  const shown: ProjectedSource[] = [];
  let truncated = false;
  for (const levelKey of query.level === undefined ? LEVEL_ORDER : [query.level]) {
    const partitions = plans.flatMap((plan) =>
      SHARDS.map((shard) => {
        const q = jurisdictionIndexQuery(entity, plan, levelKey, shard);
        return projectedQuery(store, q.params(), PATHS);
      }),
    );
    const room = query.limit - shown.length;
    if (room === 0) {
      // Full: one source of a less severe level means the map was cut.
      if ((await readLevel(partitions, 1, keep)).kept.length > 0) truncated = true;
      if (truncated) break;
      continue;
    }
    // One more than there is room for: if it comes, the map was cut.
    const { kept } = await readLevel(partitions, room + 1, keep);
    shown.push(...kept.slice(0, room));
    truncated = kept.length > room;
    if (truncated) break;
  }
  await recordReads(
    store,
    caller,
    shown.map((s) => ({ tenantId: s.tenantId, target: { type: "riskSource", id: s.id } })),
  );
  return { items: shown.map(pointOf), truncated };
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
