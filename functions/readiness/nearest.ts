import {
  type GeoQuery,
  nearestWithin,
  type Ranked,
  searchRings,
} from "../../shared/readiness/distance.ts";
import type { EmergencyResource, ResourceCategory } from "../../shared/readiness/resource.ts";
import { officialSees } from "../../shared/readiness/resource-reach.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { reachSource } from "../registry/source-reach.ts";
import { viewOf } from "./resources.ts";

async function readCell(store: Store, query: GeoQuery): Promise<EmergencyResource[]> {
  const index = store.entities.emergencyResource.query.byCell({ cell: query.cell });
  const ranged = query.prefix === "" ? index : index.begins({ geohash: query.prefix });
  const { data } = await ranged.go({ pages: "all" });
  return data.map((d) => d.record);
}

/**
 * The `limit` resources nearest a point among those `usable` admits, by haversine distance over
 * the geohash index: ring by ring (≈4 km cells, ≈39 × 19.5 km cells, all of Beijing), stopping
 * as soon as the `limit`-th nearest lies within the ring's guaranteed radius. A dense city stops
 * at the first ring's nine prefix queries; a remote source reads more.
 */
export async function nearestTo(
  store: Store,
  origin: { lon: number; lat: number },
  limit: number,
  usable: (r: EmergencyResource) => boolean,
): Promise<Ranked<EmergencyResource>[]> {
  const seen = new Map<string, EmergencyResource>();
  const read = new Set<string>();
  for (const ring of searchRings(origin)) {
    for (const query of ring.queries) {
      const id = `${query.cell}/${query.prefix}`;
      if (read.has(id) || read.has(`${query.cell}/`)) continue;
      read.add(id);
      for (const r of await readCell(store, query)) if (usable(r)) seen.set(r.id, r);
    }
    const found = nearestWithin(origin, [...seen.values()], limit, ring.radiusKm);
    if (found) return found;
  }
  return [];
}

/**
 * Which resources serve a source: its own enterprise's and the city's; officials also see
 * other enterprises' within their jurisdiction (mutual aid), never beyond it.
 */
function servesSource(caller: Caller, scope: Scope, source: RiskSource) {
  return (r: EmergencyResource) => {
    if (r.tenantId === source.tenantId || r.owner === "city") return true;
    return (
      scope.kind === "jurisdiction" &&
      officialSees(scope.jurisdiction, r) &&
      caller.tenantId !== source.tenantId
    );
  };
}

/** The nearest resources to a source the caller may read (404 outside reach), with distances. */
export async function nearestResources(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
  limit: number,
  category?: ResourceCategory,
) {
  const { source } = await reachSource(caller, scope, riskSourceId, "read");
  const serves = servesSource(caller, scope, source);
  const ranked = await nearestTo(
    functionStore(),
    source.location,
    limit,
    (r) => (category === undefined || r.category === category) && serves(r),
  );
  return {
    items: ranked.map(({ item, distanceKm }) => ({
      ...viewOf(caller, item),
      distanceKm: Math.round(distanceKm * 1000) / 1000,
    })),
    nextCursor: null,
  };
}
