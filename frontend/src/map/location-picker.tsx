import { Form, Typography } from "antd";
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { axisRange, pickedPoint, withinBeijing } from "./picked-point.ts";
import { type CanvasClick, useEChart } from "./use-echart.ts";

/**
 * Rules for a longitude or latitude field: a number inside Beijing (WGS-84), the range the
 * server's LocationSchema accepts, said in words with the bounds.
 */
export function coordinateRules(axis: "lon" | "lat", t: TFunction): Rule[] {
  const message = t(`locationPicker.${axis}Range`, axisRange(axis));
  return [
    {
      validator: async (_, value: unknown) => {
        if (value === undefined || value === null || withinBeijing(axis, value)) return;
        throw new Error(message);
      },
    },
  ];
}

const noSeriesClick = () => undefined;

/**
 * 地图选点: Beijing's 16 districts (the shipped GeoJSON, offline) inside an antd form; a click
 * writes WGS-84 longitude and latitude into the form's two fields, and typing in them moves the
 * marker. The fields stay the way for keyboard users: the map itself takes no focus.
 */
export function LocationPicker({
  lonField = "lon",
  latField = "lat",
}: {
  lonField?: string;
  latField?: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const lon: unknown = Form.useWatch(lonField, form);
  const lat: unknown = Form.useWatch(latField, form);
  const marker =
    withinBeijing("lon", lon) && withinBeijing("lat", lat) ? [lon as number, lat as number] : [];
  const [markerLon, markerLat] = marker;
  const container = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      geo: {
        map: "beijing",
        roam: true,
        label: { show: true, fontSize: 10, color: "#595959" },
        itemStyle: { areaColor: "#f0f5ff", borderColor: "#8c8c8c" },
        emphasis: { itemStyle: { areaColor: "#d6e4ff" }, label: { show: true } },
      },
      series: [
        {
          id: "picked",
          type: "scatter",
          coordinateSystem: "geo",
          symbolSize: 14,
          itemStyle: { color: "#cf1322", borderColor: "#fff", borderWidth: 2 },
          data: markerLon === undefined ? [] : [[markerLon, markerLat]],
          z: 10,
        },
      ],
    }),
    [markerLon, markerLat],
  );
  const onCanvasClick: CanvasClick = (pixel, chart) => {
    const point = pickedPoint(chart.convertFromPixel({ geoIndex: 0 }, pixel) as number[]);
    if (!point) return;
    form.setFieldsValue({ [lonField]: point.lon, [latField]: point.lat });
    void form.validateFields([lonField, latField]).catch(() => undefined);
  };
  useEChart(container, option, noSeriesClick, onCanvasClick);
  return (
    <div data-testid="location-picker" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t("locationPicker.hint")}</Typography.Text>
      <div
        ref={container}
        data-testid="location-picker-map"
        role="img"
        aria-label={t("locationPicker.mapLabel")}
        style={{ width: "100%", height: 320, cursor: "crosshair" }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("locationPicker.demo")}
      </Typography.Text>
      <div aria-live="polite" data-testid="location-picker-status">
        {markerLon !== undefined && t("locationPicker.picked", { lon: markerLon, lat: markerLat })}
      </div>
    </div>
  );
}
