import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Flex, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { fetchOwnEnterpriseTagged } from "../../api/registry/enterprise.ts";
import { PageError } from "../../app/page-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { ENTERPRISE_ROLES, hasRole } from "../../registry/access.ts";
import { EnterpriseProfile } from "../enterprises/enterprise-profile.tsx";
import { EnterpriseEditForm } from "./enterprise-edit-form.tsx";

/**
 * 本单位信息: an enterprise sees (and its admin changes) its profile; a government body or an
 * agency sees its name, kind and, for government, its jurisdiction in words.
 */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const isEnterprise = hasRole(me?.role, ENTERPRISE_ROLES);
  const own = useQuery({
    queryKey: [...registryKeys.ownEnterprise(), "tagged"],
    queryFn: ({ signal }) => fetchOwnEnterpriseTagged(client, signal),
    enabled: isEnterprise,
  });
  if (own.error) return <PageError error={own.error} onRetry={() => void own.refetch()} />;
  const kind = isEnterprise
    ? "enterprise"
    : me?.role === "assessor"
      ? "assessmentAgency"
      : "government";
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("organisation.title")}
      </Typography.Title>
      <Card size="small">
        {me ? (
          <Descriptions
            column={1}
            size="small"
            data-testid="organisation"
            items={[
              {
                key: "tenant",
                label: t("organisation.tenant"),
                children: me.tenantName ?? me.tenantId,
              },
              {
                key: "kind",
                label: t("organisation.kind"),
                children: t(`organisation.kinds.${kind}`),
              },
              ...(me.jurisdictionLabel && !isEnterprise
                ? [
                    {
                      key: "jurisdiction",
                      label: t("organisation.jurisdiction"),
                      children: pick(me.jurisdictionLabel),
                    },
                  ]
                : []),
              { key: "role", label: t("organisation.role"), children: pick(me.roleLabel) },
            ]}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>
      {isEnterprise && (
        <Card size="small" title={own.data?.value.name}>
          {!own.data ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : me?.role === "enterpriseAdmin" ? (
            <EnterpriseEditForm tagged={own.data} />
          ) : (
            <Flex vertical gap={12}>
              <Alert type="info" showIcon title={t("organisation.readOnly")} />
              <EnterpriseProfile enterprise={own.data.value} />
            </Flex>
          )}
        </Card>
      )}
    </Flex>
  );
}
