import { Card, Descriptions, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { getIdentificationItem } from "../../../../shared/catalogs/identification-lists/index.ts";
import type { RiskSourceView } from "../../../../shared/risk/risk-source.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { accidentTypeName, hazardFactorName, industryName } from "../../registry/catalog-labels.ts";

/** Name, place, description, industry, accident types, hazard factors, location, list item. */
export function SourceOverview({ source }: { source: RiskSourceView }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const item = source.identificationItemId
    ? getIdentificationItem(source.identificationItemId)
    : undefined;
  return (
    <Card title={t("registry.detail.basic")} size="small">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: "name", label: t("registry.fields.name"), children: source.name },
          {
            key: "enterprise",
            label: t("registry.fields.enterpriseName"),
            children: source.enterpriseName ?? source.tenantId,
          },
          { key: "place", label: t("registry.fields.place"), children: source.place },
          {
            key: "industry",
            label: t("registry.fields.industry"),
            children: pick(industryName(source.industry)),
          },
          {
            key: "location",
            label: t("registry.fields.location"),
            children: `${source.location.lon.toFixed(6)}, ${source.location.lat.toFixed(6)}`,
          },
          {
            key: "accidentTypes",
            label: t("registry.fields.accidentTypes"),
            span: 2,
            children: (
              <Space wrap size={4}>
                {source.accidentTypes.map((id) => (
                  <Tag key={id}>{pick(accidentTypeName(id))}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: "hazardFactors",
            label: t("registry.fields.hazardFactors"),
            span: 2,
            children: source.hazardFactors.map((id) => pick(hazardFactorName(id))).join("、"),
          },
          {
            key: "description",
            label: t("registry.fields.description"),
            span: 2,
            children: source.description || "—",
          },
          {
            key: "item",
            label: t("registry.fields.identificationItem"),
            span: 2,
            children: item
              ? `${pick(item.list.name)} · ${item.item.place} · ${item.item.riskSource}`
              : "—",
          },
        ]}
      />
    </Card>
  );
}
