import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportJob } from "../../api/registry/imports.ts";

type Report = NonNullable<ImportJob["report"]>;

/** An enterprise data import's change report: how many rows created, updated, left, refused. */
export function ReportCounts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { created, updated, unchanged, rejected } = report.counts;
  return (
    <Space direction="vertical" data-testid="import-report">
      <Space wrap>
        <Tag color="green">{t("exchange.created", { count: created })}</Tag>
        <Tag color="blue">{t("exchange.updated", { count: updated })}</Tag>
        <Tag>{t("exchange.unchanged", { count: unchanged })}</Tag>
        <Tag color={rejected > 0 ? "red" : "default"}>
          {t("exchange.rejected", { count: rejected })}
        </Tag>
      </Space>
      {report.updated.length > 0 && (
        <Typography.Text type="secondary">
          {t("exchange.fields")}：
          {report.updated
            .slice(0, 5)
            .map((u) => `${u.name ?? u.uscc}（${u.fields.join("、")}）`)
            .join("；")}
        </Typography.Text>
      )}
    </Space>
  );
}
