import { MapChart, ScatterChart } from "echarts/charts";
import { GeoComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { DistrictCode } from "../../../shared/catalogs/districts.ts";
import { beijingDistricts } from "./district-geojson.ts";

/**
 * ECharts with only what the risk e-map draws (modular import keeps the chunk small), and
 * Beijing's 16 districts registered once from the shipped GeoJSON — no online tiles, so the
 * map works offline. Demo boundaries, not an approved map (审图号): README "Risk e-map".
 */
echarts.use([
  MapChart,
  ScatterChart,
  GeoComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);
echarts.registerMap("beijing", beijingDistricts);

export { echarts };

/** District code (GB/T 2260) by the name the map shows for it. */
export const DISTRICT_CODE_BY_MAP_NAME: ReadonlyMap<string, DistrictCode> = new Map(
  beijingDistricts.features.map((f) => [f.properties.name, f.properties.code]),
);
