import { Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { districtName } from "../../registry/catalog-labels.ts";

/** 三个责任: the enterprise's post and person, the territorial supervisors, the industry department. */
export function ResponsibilitiesCard({ source }: { source: RiskSource }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const person = source.responsiblePerson;
  return (
    <Card title={t("registry.detail.responsibilities")} size="small" data-testid="responsibilities">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "enterprise",
            label: t("registry.detail.enterpriseDuty"),
            children: [source.responsiblePost, person.name, person.phone, person.email]
              .filter(Boolean)
              .join(" · "),
          },
          {
            key: "territorial",
            label: t("registry.detail.territorialDuty"),
            children: `${pick(districtName(source.supervision.district))} / ${source.supervision.street}`,
          },
          {
            key: "industry",
            label: t("registry.detail.industryDuty"),
            children: source.supervision.industryDepartment,
          },
        ]}
      />
    </Card>
  );
}
