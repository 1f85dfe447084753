import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { LEVEL_INFO, LEVELS } from "../../../../../shared/methodology/levels.ts";
import type { TrendPoint } from "../../../../../shared/stats/trends.ts";
import { useEChart } from "../../../map/use-echart.ts";
import "./dashboard-echarts.ts";

/** One line per level over the days of a trend (趋势): how many sources each level held that day. */
export function LevelTrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: "category", data: points.map((p) => p.date.slice(5)) },
      yAxis: { type: "value", minInterval: 1 },
      series: LEVELS.map((level) => ({
        id: level,
        name: t(`levels.names.${level}`),
        type: "line",
        showSymbol: points.length <= 31,
        itemStyle: { color: LEVEL_INFO[level].colour.hex },
        data: points.map((p) => p.byLevel[level]),
      })),
    }),
    [points, t],
  );
  useEChart(container, option, () => undefined);
  return (
    <div
      ref={container}
      data-testid="chart-trends"
      data-days={points.length}
      style={{ width: "100%", height: 260 }}
    />
  );
}
