import { Flex, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ColumnSpec } from "../../../../shared/exchange/columns.ts";
import {
  CENSUS_COLUMNS,
  STANDARDIZATION_COLUMNS,
} from "../../../../shared/exchange/enterprise-columns.ts";
import { ImportRunner } from "../risk-source-import/import-runner.tsx";

function ColumnList({ columns }: { columns: readonly ColumnSpec[] }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
      {t("exchange.columns")} {columns.map((c) => `${c.label}（${c.key}）`).join("、")}
    </Typography.Paragraph>
  );
}

/**
 * 企业数据导入: the census extract and the standardization grades, each checked first and then
 * imported, for the agencies that exchange enterprise data (the city admin, district officials).
 */
export function EnterpriseImportsPage() {
  const { t } = useTranslation();
  const steps = { choose: t("registry.import.step2"), result: t("registry.import.step3") };
  const tab = (key: "census" | "standardization", columns: readonly ColumnSpec[]) => ({
    key,
    label: t(`exchange.${key}`),
    children: (
      <Flex vertical gap={16}>
        <ColumnList columns={columns} />
        <ImportRunner kind={key} steps={steps} />
      </Flex>
    ),
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("exchange.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("exchange.hint")}</Typography.Text>
      <Tabs
        destroyOnHidden
        items={[tab("census", CENSUS_COLUMNS), tab("standardization", STANDARDIZATION_COLUMNS)]}
      />
    </Flex>
  );
}
