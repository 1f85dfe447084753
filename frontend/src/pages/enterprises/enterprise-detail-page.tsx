import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { fetchEnterprise } from "../../api/registry/enterprise.ts";
import { listRiskSources } from "../../api/registry/risk-sources.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadMore } from "../../app/load-more.tsx";
import { PageError } from "../../app/page-error.tsx";
import { paths } from "../../app/paths.ts";
import { RiskSourceTable } from "../risk-source-list/risk-source-table.tsx";
import { enterpriseLinks } from "./enterprise-links.ts";
import { EnterpriseProfile } from "./enterprise-profile.tsx";

/** One enterprise of the directory: its profile and its risk sources within the caller's reach. */
export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const client = useApi();
  const tenantId = useParams().tenantId ?? "";
  const enterprise = useQuery({
    queryKey: registryKeys.enterprise(tenantId),
    queryFn: ({ signal }) => fetchEnterprise(client, tenantId, signal),
  });
  const filters = { enterprise: tenantId };
  const sources = useCursorList(
    registryKeys.riskSourceList(filters),
    (c, cursor, signal) => listRiskSources(c, filters, cursor, signal),
    { enabled: enterprise.isSuccess },
  );
  if (enterprise.error) {
    return <PageError error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  }
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <Link to={paths.enterprises}>{t("enterprises.backToList")}</Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="enterprise-name">
          {enterprise.data?.name ?? "…"}
        </Typography.Title>
        <Link to={enterpriseLinks.auditTrail(tenantId)} data-testid="enterprise-audit-link">
          {t("enterprises.auditTrail")}
        </Link>
        <Link to={enterpriseLinks.capability(tenantId)} data-testid="enterprise-capability-link">
          {t("nav.capability")}
        </Link>
      </Flex>
      <Card size="small">
        {enterprise.data ? (
          <EnterpriseProfile enterprise={enterprise.data} />
        ) : (
          <Skeleton active paragraph={{ rows: 4 }} />
        )}
      </Card>
      <Card size="small" title={t("enterprises.sources")}>
        <RiskSourceTable
          items={sources.items}
          loading={sources.isFetching && sources.items.length === 0}
          showEnterprise={false}
          emptyText={t("enterprises.sourcesEmpty")}
        />
        <LoadMore list={sources} />
      </Card>
    </Flex>
  );
}
