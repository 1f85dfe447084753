import { describe, expect, it } from "vitest";
import { LEVEL_INFO } from "../../../../shared/methodology/levels.ts";
import type { MapPoint } from "../../../../shared/risk/map-points.ts";
import { POINTS_LAYER, sourceSeries, sourceSeriesId, UNGRADED_COLOUR } from "./source-series.ts";

const point = (id: string, level: MapPoint["level"]): MapPoint => ({
  id,
  name: `源 ${id}`,
  level,
  lon: 116.4,
  lat: 39.9,
});

describe("sourceSeries", () => {
  it("puts each point in its level's series, coloured by the level, ungraded in grey", () => {
    const series = sourceSeries([
      point("a", "major"),
      point("b", "low"),
      point("c", null),
      point("d", "major"),
    ]);
    const byId = new Map(series.map((s) => [s.id, s]));
    expect(byId.get(sourceSeriesId("major"))?.data.map((d) => d.id)).toEqual(["a", "d"]);
    expect(byId.get(sourceSeriesId("major"))?.itemStyle.color).toBe(LEVEL_INFO.major.colour.hex);
    expect(byId.get(sourceSeriesId("low"))?.data.map((d) => d.id)).toEqual(["b"]);
    expect(byId.get(sourceSeriesId("ungraded"))?.data.map((d) => d.id)).toEqual(["c"]);
    expect(byId.get(sourceSeriesId("ungraded"))?.itemStyle.color).toBe(UNGRADED_COLOUR);
    expect(byId.get(sourceSeriesId("major"))?.data[0]).toEqual({
      id: "a",
      name: "源 a",
      value: [116.4, 39.9],
    });
  });

  it("leaves out the levels without points (ECharts cannot paint an empty large series)", () => {
    const series = sourceSeries([point("a", "general"), point("b", "major")]);
    expect(series.map((s) => s.id)).toEqual(["sources-general", "sources-major"]);
    expect(sourceSeries([])).toEqual([]);
  });

  it("draws every series as one path on the points' own layer, the most severe last", () => {
    const series = sourceSeries([point("a", null), point("b", "low"), point("c", "major")]);
    for (const s of series) {
      expect(s).toMatchObject({ large: true, largeThreshold: 0, zlevel: POINTS_LAYER });
    }
    expect(series.at(-1)?.id).toBe(sourceSeriesId("major"));
  });
});
