import { Flex, Input, Select, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ENTERPRISE_STAGES } from "../../../../shared/stats/enterprise-coverage.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import {
  type EnterpriseFilters,
  type EnterpriseView,
  listEnterprises,
} from "../../api/registry/enterprise.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { LoadMore } from "../../app/load-more.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import {
  type CatalogOption,
  DISTRICT_OPTIONS,
  districtName,
  INDUSTRY_OPTIONS,
  industryName,
} from "../../registry/catalog-labels.ts";
import { CoverageTag } from "./coverage-tag.tsx";
import { directoryFiltersOf } from "./directory-filters.ts";
import { enterpriseLinks } from "./enterprise-links.ts";

/**
 * 企业名录: the enterprises in an official's jurisdiction, by district, street, industry and
 * coverage stage as the listing route filters them, district and industry in words; the filters
 * live in the address; "load more" follows the cursor.
 */
export function EnterpriseDirectoryPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => directoryFiltersOf(search), [search]);
  // The box is edited freely and applied on search; the address (a link, back) resets it.
  const [street, setStreet] = useState(filters.street ?? "");
  useEffect(() => setStreet(filters.street ?? ""), [filters.street]);
  const list = useCursorList(registryKeys.enterpriseList(filters), (client, cursor, signal) =>
    listEnterprises(client, filters, cursor, signal),
  );
  const set = (key: keyof EnterpriseFilters) => (value: string | undefined) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const catalogFilter = (key: "district" | "industry", options: readonly CatalogOption[]) => (
    <Select
      allowClear
      style={{ minWidth: 180 }}
      data-testid={`enterprise-filter-${key}`}
      placeholder={t(
        key === "district" ? "enterprises.filterDistrict" : "enterprises.filterIndustry",
      )}
      aria-label={t(
        key === "district" ? "enterprises.filterDistrict" : "enterprises.filterIndustry",
      )}
      value={filters[key]}
      onChange={set(key)}
      options={options.map((o) => ({ value: o.id, label: pick(o.name) }))}
      showSearch={{ optionFilterProp: "label" }}
    />
  );

  const columns: ColumnsType<EnterpriseView> = [
    {
      key: "name",
      title: t("enterprises.name"),
      render: (_, e) => <Link to={enterpriseLinks.detail(e.tenantId)}>{e.name}</Link>,
    },
    {
      key: "district",
      title: t("enterprises.district"),
      render: (_, e) => pick(districtName(e.district)),
    },
    { key: "street", title: t("enterprises.street"), dataIndex: "street" },
    {
      key: "industry",
      title: t("enterprises.industry"),
      render: (_, e) => pick(industryName(e.industry)),
    },
    { key: "uscc", title: t("enterprises.uscc"), dataIndex: "uscc", responsive: ["lg"] },
    {
      key: "coverage",
      title: t("enterprises.coverage"),
      render: (_, e) => <CoverageTag coverage={e.coverage} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("enterprises.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("enterprises.hint")}</Typography.Text>
      <Flex wrap gap={8} align="center">
        {catalogFilter("district", DISTRICT_OPTIONS)}
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t("enterprises.filterStreet")}
          aria-label={t("enterprises.filterStreet")}
          value={street}
          onChange={(e) => setStreet(e.target.value)}
          onSearch={(v) => set("street")(v.trim())}
        />
        {catalogFilter("industry", INDUSTRY_OPTIONS)}
        <Select
          allowClear
          style={{ minWidth: 180 }}
          data-testid="enterprise-filter-stage"
          placeholder={t("enterprises.filterStage")}
          aria-label={t("enterprises.filterStage")}
          value={filters.stage}
          onChange={set("stage")}
          options={ENTERPRISE_STAGES.map((stage) => ({
            value: stage,
            label: t(`enterprises.coverageStage.${stage}`),
          }))}
        />
        <Typography.Text type="secondary" data-testid="enterprise-count">
          {t("enterprises.shown", { count: list.items.length })}
        </Typography.Text>
      </Flex>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<EnterpriseView>
        rowKey="tenantId"
        data-testid="enterprises"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && list.items.length === 0}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t("enterprises.empty") }}
      />
      <LoadMore list={list} testId="enterprises-more" />
    </Flex>
  );
}
