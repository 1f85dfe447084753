import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { DistrictCode } from "../../../../shared/catalogs/districts.ts";
import { LEVEL_INFO, LEVELS, type Level } from "../../../../shared/methodology/levels.ts";
import type { StatsSummary } from "../../../../shared/stats/contribution.ts";
import { useStatsSummary } from "../../api/stats.ts";
import { LoadError } from "../../app/load-error.tsx";
import { DISTRICT_CODE_BY_MAP_NAME } from "../../map/echarts-setup.ts";
import { useEChart } from "../../map/use-echart.ts";

/** Sources per district of one level (or of all), by the name the map shows for the district. */
export function districtValues(summary: StatsSummary | undefined, level?: Level) {
  return [...DISTRICT_CODE_BY_MAP_NAME].map(([name, code]) => {
    const row = summary?.byDistrict[code];
    const value = row ? (level ? row[level] : LEVELS.reduce((n, l) => n + row[l], 0)) : 0;
    return { name, value };
  });
}

/**
 * 分区着色: each district coloured by how many risk sources it has (of the chosen level), from
 * the folded statistics of `/stats/summary` — no source is read. A click picks the district.
 */
export function DistrictChoropleth({
  level,
  onPick,
}: {
  level?: Level;
  onPick: (district: DistrictCode) => void;
}) {
  const { t } = useTranslation();
  const summary = useStatsSummary();
  const container = useRef<HTMLDivElement>(null);
  const option = useMemo(() => {
    const data = districtValues(summary.data, level);
    const max = Math.max(1, ...data.map((d) => d.value));
    const top = level ? LEVEL_INFO[level].colour.hex : LEVEL_INFO.major.colour.hex;
    return {
      tooltip: { trigger: "item" },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        left: "left",
        bottom: 16,
        inRange: { color: ["#f5f5f5", top] },
      },
      series: [
        {
          id: "districts",
          type: "map",
          map: "beijing",
          roam: true,
          label: { show: true, fontSize: 10 },
          data,
        },
      ],
    };
  }, [summary.data, level]);
  useEChart(container, option, (params) => {
    const code = params.name ? DISTRICT_CODE_BY_MAP_NAME.get(params.name) : undefined;
    if (code) onPick(code);
  });
  return (
    <>
      {summary.error && <LoadError error={summary.error} onRetry={() => void summary.refetch()} />}
      <div
        ref={container}
        data-testid="district-choropleth"
        role="img"
        aria-label={t("portal.map.choroplethTitle")}
        style={{ width: "100%", height: "70vh", minHeight: 420 }}
      />
    </>
  );
}
