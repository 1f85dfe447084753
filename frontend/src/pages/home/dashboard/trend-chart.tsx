import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { LEVEL_INFO, LEVELS } from "../../../../../shared/methodology/levels.ts";
import { ENTERPRISE_STAGES } from "../../../../../shared/stats/enterprise-coverage.ts";
import type { TrendPoint } from "../../../../../shared/stats/trends.ts";
import { useEChart } from "../../../map/use-echart.ts";
import "./dashboard-echarts.ts";

/** One line of a trend chart: its name and colour, and its value on a day. */
interface TrendLine {
  id: string;
  name: string;
  colour?: string;
  valueOf: (point: TrendPoint) => number;
}

/** A line per series over the days of a trend (趋势). */
function TrendChart({
  points,
  lines,
  testId,
}: {
  points: readonly TrendPoint[];
  lines: readonly TrendLine[];
  testId: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: "category", data: points.map((p) => p.date.slice(5)) },
      yAxis: { type: "value", minInterval: 1 },
      series: lines.map((line) => ({
        id: line.id,
        name: line.name,
        type: "line",
        showSymbol: points.length <= 31,
        ...(line.colour ? { itemStyle: { color: line.colour } } : {}),
        data: points.map(line.valueOf),
      })),
    }),
    [points, lines],
  );
  useEChart(container, option, () => undefined);
  const last = points.at(-1);
  return (
    <div
      ref={container}
      data-testid={testId}
      data-days={points.length}
      // The latest day's values, for tests and assistive tools that cannot read the canvas.
      data-last={last ? lines.map((line) => line.valueOf(last)).join(",") : ""}
      style={{ width: "100%", height: 260 }}
    />
  );
}

/** How many sources each level held each day. */
export function LevelTrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation();
  const lines = useMemo(
    () =>
      LEVELS.map((level) => ({
        id: level,
        name: t(`levels.names.${level}`),
        colour: LEVEL_INFO[level].colour.hex,
        valueOf: (p: TrendPoint) => p.byLevel[level],
      })),
    [t],
  );
  return <TrendChart points={points} lines={lines} testId="chart-trends" />;
}

/**
 * How many enterprises had reached each coverage stage each day: whether the gap between those
 * on the books and those with current assessments closes (推进平衡性 over time).
 */
export function CoverageTrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation();
  const lines = useMemo(
    () =>
      ENTERPRISE_STAGES.map((stage) => ({
        id: stage,
        name: t(`portal.dashboard.stageLines.${stage}`),
        valueOf: (p: TrendPoint) => p.enterprises[stage],
      })),
    [t],
  );
  return <TrendChart points={points} lines={lines} testId="chart-coverage-trends" />;
}
