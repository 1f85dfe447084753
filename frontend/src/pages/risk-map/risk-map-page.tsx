import { Alert, Flex, Segmented, Select, Space, Switch, Tag, Typography } from "antd";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  DISTRICTS,
  type DistrictCode,
  getDistrict,
} from "../../../../shared/catalogs/districts.ts";
import { INDUSTRIES, type IndustryId } from "../../../../shared/catalogs/industries.ts";
import { LEVELS, type Level } from "../../../../shared/methodology/levels.ts";
import { CATEGORY_LABELS } from "../../../../shared/readiness/resource.ts";
import { MAP_POINT_LIMIT } from "../../../../shared/risk/map-points.ts";
import { parseJurisdiction } from "../../../../shared/tenancy/claims.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { DISTRICT_CODE_BY_MAP_NAME } from "../../map/echarts-setup.ts";
import { useEChart } from "../../map/use-echart.ts";
import { ENTERPRISE_ROLES, hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { LevelTag } from "../../theme/level-tag.tsx";
import { DistrictChoropleth } from "./district-choropleth.tsx";
import { POINTS_LAYER, sourceSeries } from "./source-series.ts";
import { useMapPoints } from "./use-map-points.ts";
import { useMapResources } from "./use-map-resources.ts";

const RESOURCE_COLOUR = "#13a8a8";

const SELECTED_AREA = "#d6e4ff";

/** The district a district or street official works in: where the map opens. */
function homeDistrict(jurisdiction: string | undefined): DistrictCode | undefined {
  if (!jurisdiction) return undefined;
  const first = parseJurisdiction(jurisdiction).districts[0]?.district;
  return DISTRICTS.find((d) => d.code === first)?.code;
}

/**
 * 风险电子地图: Beijing's districts, and the risk sources of the chosen district coloured by
 * level. The city is shown by district; points are drawn one district at a time (at most
 * MAP_POINT_LIMIT of shared/risk/map-points.ts), so the page stays usable however many sources the city has.
 */
export function RiskMapPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const navigate = useNavigate();
  const { data: me } = useCurrentUser();
  const [chosen, setDistrict] = useState<DistrictCode>();
  const district = chosen ?? homeDistrict(me?.jurisdiction);
  const [level, setLevel] = useState<Level>();
  const [industry, setIndustry] = useState<IndustryId>();
  // Officials may switch to districts coloured by their counts (folded statistics).
  const [view, setView] = useState<"sources" | "districts">("sources");
  const official = hasRole(me?.role, OFFICIAL_ROLES);
  const districts = official && view === "districts";
  const filters = useMemo(
    () => ({
      ...(district ? { district } : {}),
      ...(level ? { level } : {}),
      ...(industry ? { industry } : {}),
    }),
    [district, level, industry],
  );
  const points = useMapPoints(filters);
  const readsResources = hasRole(me?.role, [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES]);
  const [showResources, setShowResources] = useState(false);
  const resources = useMapResources(district, readsResources && showResources);
  const container = useRef<HTMLDivElement>(null);
  const focus = district ? getDistrict(district) : undefined;
  const districtName = district
    ? pick(DISTRICTS.find((d) => d.code === district)?.name ?? district)
    : undefined;

  const option = useMemo(
    () => ({
      tooltip: { trigger: "item" },
      geo: {
        map: "beijing",
        roam: true,
        // Framed on the chosen district, the whole city otherwise.
        ...(focus ? { center: [focus.centre.lon, focus.centre.lat], zoom: 3 } : { zoom: 1 }),
        label: { show: true, fontSize: 10 },
        itemStyle: { areaColor: "#f5f5f5", borderColor: "#999" },
        emphasis: { itemStyle: { areaColor: SELECTED_AREA } },
        regions: district
          ? [...DISTRICT_CODE_BY_MAP_NAME]
              .filter(([, code]) => code === district)
              .map(([name]) => ({ name, itemStyle: { areaColor: SELECTED_AREA } }))
          : [],
      },
      series: sourceSeries(points.data?.items ?? []),
    }),
    [district, focus, points.data],
  );
  // The layer is its own option: switching it leaves the sources' series untouched.
  const resourceLayer = useMemo(
    () => ({
      series: [
        {
          // 应急资源图层: drawn as diamonds over the sources, only when switched on.
          id: "resources",
          type: "scatter",
          coordinateSystem: "geo",
          zlevel: POINTS_LAYER,
          symbol: "diamond",
          symbolSize: 10,
          itemStyle: { color: RESOURCE_COLOUR },
          data: (showResources ? (resources.data ?? []) : []).map((r) => ({
            name: `${pick(CATEGORY_LABELS[r.category])} · ${r.name}（${r.quantity}${r.unit}）`,
            value: [r.location.lon, r.location.lat],
          })),
          tooltip: { formatter: (p: { name: string }) => p.name },
        },
      ],
    }),
    [showResources, resources.data, pick],
  );

  useEChart(
    container,
    option,
    (params) => {
      if (params.componentType === "geo" && params.name) {
        const code = DISTRICT_CODE_BY_MAP_NAME.get(params.name);
        if (code) setDistrict(code);
      }
      const data = params.data as { id?: string } | undefined;
      if (params.seriesType === "scatter" && data?.id) navigate(riskSourceLinks.detail(data.id));
    },
    undefined,
    resourceLayer,
  );

  const shown = points.data?.items.length ?? 0;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("map.title")}
      </Typography.Title>
      <Space wrap>
        {official && (
          <Segmented
            data-testid="map-view"
            value={view}
            onChange={(v) => setView(v === "districts" ? "districts" : "sources")}
            options={[
              { value: "sources", label: t("portal.map.sources") },
              { value: "districts", label: t("portal.map.districts") },
            ]}
          />
        )}
        <Select
          data-testid="map-district"
          style={{ width: 160 }}
          placeholder={t("map.district")}
          aria-label={t("map.district")}
          value={district}
          onChange={(value: DistrictCode) => setDistrict(value)}
          options={DISTRICTS.map((d) => ({ value: d.code, label: pick(d.name) }))}
        />
        <Select
          data-testid="map-level"
          allowClear
          style={{ width: 140 }}
          placeholder={t("map.level")}
          aria-label={t("map.level")}
          value={level}
          onChange={(value?: Level) => setLevel(value)}
          options={LEVELS.map((l) => ({ value: l, label: t(`levels.names.${l}`) }))}
        />
        <Select
          data-testid="map-industry"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          placeholder={t("map.industry")}
          aria-label={t("map.industry")}
          value={industry}
          onChange={(value?: IndustryId) => setIndustry(value)}
          options={INDUSTRIES.map((i) => ({ value: i.id, label: pick(i.name) }))}
        />
        {readsResources && (
          <Space>
            <Switch
              data-testid="map-resources"
              aria-label={t("readiness.layer")}
              checked={showResources}
              onChange={setShowResources}
            />
            <Tag color={RESOURCE_COLOUR} style={{ color: "#1F1F1F" }}>
              {t("readiness.layer")}
            </Tag>
          </Space>
        )}
        {LEVELS.map((l) => (
          <LevelTag key={l} level={l} />
        ))}
      </Space>
      {points.error && <LoadError error={points.error} onRetry={() => void points.refetch()} />}
      <Typography.Text type="secondary" data-testid="map-status">
        {districtName
          ? t("map.shown", { count: shown, district: districtName })
          : t("map.pickDistrict")}
        {districtName && showResources && resources.data
          ? ` ${t("readiness.layerShown", { count: resources.data.length })}`
          : ""}
      </Typography.Text>
      {points.data?.truncated && (
        <Alert type="info" showIcon message={t("map.truncated", { limit: MAP_POINT_LIMIT })} />
      )}
      {districts && (
        <DistrictChoropleth
          {...(level ? { level } : {})}
          onPick={(code) => {
            setDistrict(code);
            setView("sources");
          }}
        />
      )}
      {/* Kept mounted while hidden: its chart lives as long as the page. */}
      <div
        ref={container}
        data-testid="risk-map"
        role="img"
        aria-label={t("map.title")}
        style={{
          width: "100%",
          height: "70vh",
          minHeight: 420,
          display: districts ? "none" : "block",
        }}
      />
      <Typography.Text type="secondary">{t("map.boundaries")}</Typography.Text>
    </Flex>
  );
}
