import { LEVEL_INFO, LEVELS, type Level } from "../../../../shared/methodology/levels.ts";
import type { MapPoint } from "../../../../shared/risk/map-points.ts";

/** The colour of a source not yet assessed. */
export const UNGRADED_COLOUR = "#8c8c8c";

/** A point's level on the map: its grade, or `ungraded` while it has none. */
type PointLevel = Level | "ungraded";

/** ECharts `zlevel` of the points: the districts stay on layer 0. */
export const POINTS_LAYER = 1;

/** A point as the map's scatter series carries it: what a click and a tooltip need. */
export interface SourcePointDatum {
  id: string;
  name: string;
  value: [number, number];
}

/** The series id of the sources of one level (`ungraded` for those not yet assessed). */
export const sourceSeriesId = (level: PointLevel) => `sources-${level}`;

/**
 * The sources as one scatter series per level, each in its level's colour and drawn in large
 * mode (all its symbols one path) on a canvas layer of their own above the districts.
 *
 * Why not one series with a colour per point: ECharts draws per-point styles as one element per
 * point, each animated in after a filter, and repaints them with the 16 district outlines on
 * every frame of that animation — 120–150 ms frames at 100,000 sources (bench `map`). Large mode
 * takes one style per series, hence a series per level. A level without points has no series:
 * ECharts 6 fails to paint an empty large series (`LargeSymbolPath.buildPath` reads points it was
 * never given, and the whole layer stays blank); the page replaces the series on each option
 * (`replaceMerge`), so the series of a level a filter emptied leaves the map.
 */
export function sourceSeries(points: readonly MapPoint[]) {
  const byLevel = new Map<PointLevel, SourcePointDatum[]>();
  for (const point of points) {
    const key = point.level ?? "ungraded";
    const datum: SourcePointDatum = {
      id: point.id,
      name: point.name,
      value: [point.lon, point.lat],
    };
    const list = byLevel.get(key);
    if (list) list.push(datum);
    else byLevel.set(key, [datum]);
  }
  // Drawn from the least severe up, so a major source is never hidden under a low one.
  const levels: PointLevel[] = ["ungraded", ...[...LEVELS].reverse()];
  return levels.flatMap((level) => {
    const data = byLevel.get(level);
    return data ? [levelSeries(level, data)] : [];
  });
}

function levelSeries(level: PointLevel, data: SourcePointDatum[]) {
  return {
    id: sourceSeriesId(level),
    type: "scatter" as const,
    coordinateSystem: "geo" as const,
    zlevel: POINTS_LAYER,
    symbolSize: 7,
    large: true,
    largeThreshold: 0,
    itemStyle: { color: level === "ungraded" ? UNGRADED_COLOUR : LEVEL_INFO[level].colour.hex },
    data,
    tooltip: { formatter: (p: { name: string }) => p.name },
  };
}
