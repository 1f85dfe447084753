import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { EnterpriseView } from "../../api/registry/enterprise.ts";

type Coverage = NonNullable<EnterpriseView["coverage"]>;

const COLOURS: Record<Coverage["stage"], string> = {
  known: "default",
  registered: "red",
  assessed: "orange",
  current: "green",
};

/** An enterprise's coverage stage (覆盖情况) as a coloured tag, its source counts on hover. */
export function CoverageTag({ coverage }: { coverage: EnterpriseView["coverage"] }) {
  const { t } = useTranslation();
  if (!coverage) return <Tag>{t("enterprises.coverageUnknown")}</Tag>;
  return (
    <Tooltip title={t("enterprises.coverageCounts", coverage)}>
      <Tag color={COLOURS[coverage.stage]} data-stage={coverage.stage}>
        {t(`enterprises.coverageStage.${coverage.stage}`)}
      </Tag>
    </Tooltip>
  );
}
