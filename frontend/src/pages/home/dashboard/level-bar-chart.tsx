import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LEVEL_INFO, LEVELS, type Level } from "../../../../../shared/methodology/levels.ts";
import type { LocalizedText } from "../../../i18n/languages.ts";
import { useLanguage } from "../../../i18n/use-language.ts";
import { useEChart } from "../../../map/use-echart.ts";
import "./dashboard-echarts.ts";

interface Props {
  /** Counts by level per place (district code or industry id). */
  rows: Record<string, Record<Level, number>>;
  nameOf: (key: string) => LocalizedText;
  /** The filtered list a bar opens. */
  linkOf: (key: string, level: Level) => string;
  testId: string;
}

/** Stacked bars: one per place, one segment per level; a click opens that place × level list. */
export function LevelBarChart({ rows, nameOf, linkOf, testId }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const keys = useMemo(
    () =>
      Object.keys(rows).sort(
        (a, b) =>
          LEVELS.reduce((n, l) => n + (rows[b]?.[l] ?? 0), 0) -
          LEVELS.reduce((n, l) => n + (rows[a]?.[l] ?? 0), 0),
      ),
    [rows],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: {
        type: "category",
        data: keys.map((k) => pick(nameOf(k))),
        axisLabel: { rotate: 30 },
      },
      yAxis: { type: "value" },
      series: LEVELS.map((level) => ({
        id: level,
        name: t(`levels.names.${level}`),
        type: "bar",
        stack: "levels",
        itemStyle: { color: LEVEL_INFO[level].colour.hex },
        data: keys.map((k) => ({ value: rows[k]?.[level] ?? 0, key: k, level })),
      })),
    }),
    [keys, rows, nameOf, pick, t],
  );
  useEChart(container, option, (params) => {
    const data = params.data as { key?: string; level?: Level } | undefined;
    if (data?.key && data.level) navigate(linkOf(data.key, data.level));
  });
  return <div ref={container} data-testid={testId} style={{ width: "100%", height: 300 }} />;
}
