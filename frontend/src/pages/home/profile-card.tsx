import { Card, Descriptions, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "../../api/me.ts";
import { paths } from "../../app/paths.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";

export function ProfileCard({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  return (
    <Card title={t("home.profileTitle")} data-testid="profile">
      {me ? (
        <Descriptions
          column={1}
          items={[
            {
              key: "tenant",
              label: t("home.tenant"),
              children: <Link to={paths.organisation}>{me.tenantName ?? me.tenantId}</Link>,
            },
            { key: "role", label: t("home.role"), children: pick(me.roleLabel) },
            // An enterprise's claim names its own place, not a grant: it never reads "管辖范围".
            ...(me.jurisdictionLabel
              ? [
                  {
                    key: "jurisdiction",
                    label: t(hasRole(me.role, OFFICIAL_ROLES) ? "home.jurisdiction" : "home.place"),
                    children: pick(me.jurisdictionLabel),
                  },
                ]
              : []),
            { key: "email", label: t("home.email"), children: me.email ?? "—" },
          ]}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Card>
  );
}
