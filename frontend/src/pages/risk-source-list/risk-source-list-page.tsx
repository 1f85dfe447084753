import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Space, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { LoadError } from "../../app/load-error.tsx";
import { paths } from "../../app/paths.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { ENTERPRISE_ROLES, hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { ExportButtons } from "./export-buttons.tsx";
import { apiFilters, filtersFromSearch, searchFromFilters } from "./filter-params.ts";
import { ListFiltersBar } from "./list-filters.tsx";
import { RiskSourceTable } from "./risk-source-table.tsx";
import { useRiskSourcePages } from "./use-risk-source-pages.ts";

/** 风险源清单: what the caller may see — own sources, delegated ones, or the jurisdiction's. */
export function RiskSourceListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => apiFilters(filters), [filters]);
  const list = useRiskSourcePages(query);
  const { items } = list;
  const isEnterprise = hasRole(me?.role, ENTERPRISE_ROLES);
  const canExport = isEnterprise || hasRole(me?.role, OFFICIAL_ROLES);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("registry.list.title")}
        </Typography.Title>
        <Space wrap>
          {isEnterprise && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate(paths.riskSourceNew)}
                data-testid="register-risk-source"
              >
                {t("registry.list.register")}
              </Button>
              <Button icon={<ImportOutlined />} onClick={() => navigate(paths.riskSourceImport)}>
                {t("registry.list.import")}
              </Button>
            </>
          )}
          {canExport && <ExportButtons filters={query} />}
        </Space>
      </Flex>
      <ListFiltersBar value={filters} onChange={(next) => setSearch(searchFromFilters(next))} />
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {!(list.error && items.length === 0) && (
        <RiskSourceTable
          items={items}
          loading={list.isFetching}
          showEnterprise={!isEnterprise}
          emptyText={t(
            Object.keys(filters).length > 0
              ? "emptyHints.filteredSources"
              : isEnterprise
                ? "emptyHints.enterpriseSources"
                : me?.role === "assessor"
                  ? "emptyHints.assessorSources"
                  : "emptyHints.officialSources",
          )}
        />
      )}
      <Flex justify="center" gap={16} align="center">
        <Typography.Text type="secondary">
          {t("registry.list.count", { count: items.length })}
        </Typography.Text>
        {list.hasNextPage && (
          <Button
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            data-testid="load-more"
          >
            {t("registry.common.loadMore")}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
