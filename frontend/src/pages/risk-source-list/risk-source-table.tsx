import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { RiskSourceView } from "../../../../shared/risk/risk-source.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { districtName, industryName } from "../../registry/catalog-labels.ts";
import { formatDate, isOverdue } from "../../registry/dates.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { LevelTag } from "../../theme/level-tag.tsx";

interface Props {
  items: readonly RiskSourceView[];
  loading: boolean;
  /** Officials and agencies see many enterprises' sources: each row names its enterprise. */
  showEnterprise: boolean;
  /** What to do when there is nothing to show (the caller's next step). */
  emptyText?: string;
}

/** One row per source: level, name, place, industry, district / street, next review. */
export function RiskSourceTable({ items, loading, showEnterprise, emptyText }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const columns: ColumnsType<RiskSourceView> = [
    {
      key: "level",
      title: t("registry.fields.currentLevel"),
      width: 120,
      render: (_, source) =>
        source.currentLevel ? (
          <LevelTag level={source.currentLevel} />
        ) : (
          <Typography.Text type="secondary">{t("registry.common.notGraded")}</Typography.Text>
        ),
    },
    {
      key: "name",
      title: t("registry.fields.name"),
      render: (_, source) => <Link to={riskSourceLinks.detail(source.id)}>{source.name}</Link>,
    },
    { key: "place", title: t("registry.fields.place"), dataIndex: "place" },
    ...(showEnterprise
      ? [
          {
            key: "enterprise",
            title: t("registry.fields.enterpriseName"),
            render: (_: unknown, source: RiskSourceView) =>
              source.enterpriseName ?? source.tenantId,
          },
        ]
      : []),
    {
      key: "industry",
      title: t("registry.fields.industry"),
      render: (_, source) => pick(industryName(source.industry)),
    },
    {
      key: "district",
      title: t("registry.list.districtStreet"),
      render: (_, source) =>
        `${pick(districtName(source.supervision.district))} / ${source.supervision.street}`,
    },
    {
      key: "nextReview",
      title: t("registry.fields.nextReview"),
      width: 130,
      render: (_, source) => (
        <Typography.Text type={isOverdue(source.nextReviewAt) ? "danger" : undefined}>
          {formatDate(source.nextReviewAt)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Table<RiskSourceView>
      data-testid="risk-source-table"
      rowKey="id"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={false}
      locale={{ emptyText: emptyText ?? t("registry.list.empty") }}
    />
  );
}
