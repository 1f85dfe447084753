import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { EnterpriseView } from "../../api/registry/enterprise.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { districtName, industryName } from "../../registry/catalog-labels.ts";
import { formatDate, formatDateTime } from "../../registry/dates.ts";
import { CoverageTag } from "./coverage-tag.tsx";

type Contact = EnterpriseView["principal"];

const contactText = (c: Contact) => [c.name, c.phone, c.email].filter(Boolean).join(" · ");

/** An enterprise's profile in words: district and industry names, contacts, standardization. */
export function EnterpriseProfile({ enterprise: e }: { enterprise: EnterpriseView }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const grade = e.standardization;
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      data-testid="enterprise-profile"
      items={[
        { key: "name", label: t("enterprises.name"), children: e.name },
        { key: "uscc", label: t("enterprises.uscc"), children: e.uscc },
        {
          key: "district",
          label: t("enterprises.district"),
          children: `${pick(districtName(e.district))} / ${e.street}`,
        },
        {
          key: "industry",
          label: t("enterprises.industry"),
          children: pick(industryName(e.industry)),
        },
        {
          key: "coverage",
          label: t("enterprises.coverage"),
          children: <CoverageTag coverage={e.coverage} />,
        },
        { key: "address", label: t("enterprises.address"), span: 2, children: e.address },
        { key: "principal", label: t("enterprises.principal"), children: contactText(e.principal) },
        {
          key: "safetyContact",
          label: t("enterprises.safetyContact"),
          children: contactText(e.safetyContact),
        },
        {
          key: "standardization",
          label: t("enterprises.standardization"),
          children: grade
            ? t("enterprises.standardizationValue", {
                grade: ["", "一", "二", "三"][grade.grade],
                certificateNo: grade.certificateNo,
                expiresAt: formatDate(grade.expiresAt),
              })
            : t("enterprises.none"),
        },
        {
          key: "updatedAt",
          label: t("enterprises.updatedAt"),
          children: formatDateTime(e.updatedAt),
        },
      ]}
    />
  );
}
