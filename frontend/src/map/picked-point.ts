import { BEIJING_BOUNDS, inBoundingBox } from "../../../shared/catalogs/districts.ts";

export interface LonLat {
  lon: number;
  lat: number;
}

/** Six decimals of a degree are about 0.1 m: finer than any click, and what the fields show. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The WGS-84 point a click on the map means, or undefined when the click falls outside Beijing
 * (the map's empty corners): the server refuses those (LocationSchema), so the picker does too.
 */
export function pickedPoint(coordinates: readonly number[] | undefined): LonLat | undefined {
  const [lon, lat] = coordinates ?? [];
  if (typeof lon !== "number" || typeof lat !== "number") return undefined;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
  const point = { lon: round6(lon), lat: round6(lat) };
  return inBoundingBox(BEIJING_BOUNDS, point) ? point : undefined;
}

/** The allowed range of one axis inside Beijing, for the fields' validation messages. */
export function axisRange(axis: "lon" | "lat"): { min: number; max: number } {
  return axis === "lon"
    ? { min: BEIJING_BOUNDS.west, max: BEIJING_BOUNDS.east }
    : { min: BEIJING_BOUNDS.south, max: BEIJING_BOUNDS.north };
}

/** A value typed in a field, when it is a number inside Beijing's range for that axis. */
export function withinBeijing(axis: "lon" | "lat", value: unknown): boolean {
  const { min, max } = axisRange(axis);
  return typeof value === "number" && value >= min && value <= max;
}
