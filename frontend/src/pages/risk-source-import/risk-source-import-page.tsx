import { Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../app/paths.ts";
import { ImportRunner } from "./import-runner.tsx";
import { TemplateButtons } from "./template-buttons.tsx";

/** 批量导入: template → file → dry run → the real import of the valid rows. */
export function RiskSourceImportPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16}>
        <Link to={paths.riskSources}>{t("registry.common.backToList")}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("registry.import.title")}
        </Typography.Title>
      </Flex>
      <Card title={t("registry.import.step1")} size="small">
        <Typography.Paragraph type="secondary">
          {t("registry.import.templateHint")}
        </Typography.Paragraph>
        <TemplateButtons />
      </Card>
      <ImportRunner
        kind="riskSources"
        steps={{ choose: t("registry.import.step2"), result: t("registry.import.step3") }}
        afterDone={
          <Link to={paths.riskSources} style={{ display: "inline-block", marginTop: 12 }}>
            {t("registry.import.toList")}
          </Link>
        }
      />
    </Flex>
  );
}
