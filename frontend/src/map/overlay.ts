import type { EChartsCoreOption } from "echarts/core";

export type ChartOption = EChartsCoreOption;

/** Series drawn over a chart's own (e.g. a map layer), each with an id of its own. */
export type Overlay = ChartOption & { series: object[] };

/** The option with the overlay's series after its own. */
export function withOverlay(option: ChartOption, overlay: Overlay | undefined): ChartOption {
  if (!overlay) return option;
  const own: unknown = option.series;
  const series = own === undefined ? [] : Array.isArray(own) ? own : [own];
  return { ...option, series: [...series, ...overlay.series] };
}
