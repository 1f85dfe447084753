import { BEIJING_BOUNDS } from "../catalogs/districts.ts";
import { blockAround, type Cell, cellOf, cellsCovering, geohashOf } from "./geohash.ts";

/** Mean Earth radius (IUGG), km. */
const EARTH_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface Point {
  lon: number;
  lat: number;
}

/** Great-circle distance in km (haversine), WGS-84 degrees treated as on a sphere. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Precision of the index's partition key (a cell of about 39 × 19.5 km) and of the near block. */
export const PARTITION_PRECISION = 4;
export const NEAR_PRECISION = 5;
/** Precision of the sort key: about 4.8 × 4.8 m, fine enough to order by prefix. */
export const SORT_PRECISION = 9;

/** Where a resource is filed in the geohash index: partition cell and sort-key geohash. */
export function geoKeyOf(point: Point): { cell: string; geohash: string } {
  const geohash = geohashOf(point, SORT_PRECISION);
  return { cell: geohash.slice(0, PARTITION_PRECISION), geohash };
}

/** One index query: a partition (precision-4 cell) and a sort-key prefix ("" for all of it). */
export interface GeoQuery {
  cell: string;
  prefix: string;
}

/**
 * One ring of the nearest search: the queries that read every resource within `radiusKm` of
 * the origin (and some beyond). A resource not read lies further than `radiusKm`.
 */
export interface SearchRing {
  queries: GeoQuery[];
  radiusKm: number;
}

function union(cells: readonly string[]): Cell {
  const bounds = cells.map(cellOf);
  return {
    west: Math.min(...bounds.map((b) => b.west)),
    south: Math.min(...bounds.map((b) => b.south)),
    east: Math.max(...bounds.map((b) => b.east)),
    north: Math.max(...bounds.map((b) => b.north)),
  };
}

/**
 * The shortest distance from a point inside a box to the box's edge: to the parallels along a
 * meridian, to the meridians by the cross-track distance (shorter than along the parallel).
 */
function insideRadiusKm(origin: Point, box: Cell): number {
  const toParallel = Math.min(origin.lat - box.south, box.north - origin.lat);
  const toMeridian = Math.min(origin.lon - box.west, box.east - origin.lon);
  const meridianKm =
    EARTH_KM *
    Math.asin(Math.min(1, Math.abs(Math.sin(rad(toMeridian)) * Math.cos(rad(origin.lat)))));
  return Math.max(0, Math.min(EARTH_KM * rad(toParallel), meridianKm));
}

/**
 * The rings of a nearest-resource search, widening: the 3×3 block of ~4 km cells around the
 * origin (nine sort-key prefix queries), then the 3×3 block of ~39 × 19.5 km partitions, then
 * every partition over Beijing (the last ring reaches everything, radius infinite).
 */
export function searchRings(origin: Point): SearchRing[] {
  const near = blockAround(geohashOf(origin, NEAR_PRECISION));
  const wide = blockAround(geohashOf(origin, PARTITION_PRECISION));
  const city = cellsCovering(BEIJING_BOUNDS, PARTITION_PRECISION);
  return [
    {
      queries: near.map((c) => ({ cell: c.slice(0, PARTITION_PRECISION), prefix: c })),
      radiusKm: insideRadiusKm(origin, union(near)),
    },
    {
      queries: wide.map((cell) => ({ cell, prefix: "" })),
      radiusKm: insideRadiusKm(origin, union(wide)),
    },
    {
      queries: [...new Set([...city, ...wide])].map((cell) => ({ cell, prefix: "" })),
      radiusKm: Number.POSITIVE_INFINITY,
    },
  ];
}

export interface Ranked<T> {
  item: T;
  distanceKm: number;
}

/** Candidates ordered by distance from the origin, nearest first; ties by id. */
export function byDistance<T extends { id: string; location: Point }>(
  origin: Point,
  candidates: readonly T[],
): Ranked<T>[] {
  return candidates
    .map((item) => ({ item, distanceKm: haversineKm(origin, item.location) }))
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.item.id < b.item.id ? -1 : 1));
}

/**
 * The `limit` nearest of what one ring read, when they are certain: only if the `limit`-th
 * lies within the ring's radius (everything unread is further). Otherwise undefined: widen.
 */
export function nearestWithin<T extends { id: string; location: Point }>(
  origin: Point,
  candidates: readonly T[],
  limit: number,
  radiusKm: number,
): Ranked<T>[] | undefined {
  const ranked = byDistance(origin, candidates);
  const last = ranked[limit - 1];
  if (radiusKm === Number.POSITIVE_INFINITY) return ranked.slice(0, limit);
  if (!last || last.distanceKm > radiusKm) return undefined;
  return ranked.slice(0, limit);
}
