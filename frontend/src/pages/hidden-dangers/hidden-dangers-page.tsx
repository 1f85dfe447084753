import { useQuery } from "@tanstack/react-query";
import { Button, Checkbox, Flex, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hiddenDangersContract } from "../../../../shared/contracts/hidden-dangers.ts";
import {
  HIDDEN_DANGER_STATUSES,
  type HiddenDanger,
} from "../../../../shared/hidden-dangers/hidden-danger.ts";
import { useApi } from "../../api/api-context.tsx";
import { callRoute } from "../../api/call.ts";
import { type DangerFilters, dangerKeys, listDangers } from "../../api/hidden-dangers.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { paths } from "../../app/paths.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { ENTERPRISE_ROLES, hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { formatDate, formatDateTime } from "../../registry/dates.ts";
import { DangerLevelTag, DangerStatusTag } from "./danger-tags.tsx";
import { ReportDialog } from "./report-dialog.tsx";

const detailPath = (id: string) => paths.hiddenDanger.replace(":id", encodeURIComponent(id));

/** 隐患排查治理: the dangers within reach, filtered, with the year's counts and the report form. */
export function HiddenDangersPage() {
  const { t } = useTranslation();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const [filters, setFilters] = useState<DangerFilters>({});
  const [reporting, setReporting] = useState(false);
  const list = useCursorList(dangerKeys.list(filters), (c, cursor, signal) =>
    listDangers(c, filters, cursor, signal),
  );
  const year = String(new Date().getFullYear());
  const stats = useQuery({
    queryKey: ["hidden-dangers", "stats", year],
    queryFn: ({ signal }) =>
      callRoute(client, hiddenDangersContract.stats, { query: { period: year }, signal }),
  });

  const columns: ColumnsType<HiddenDanger> = [
    { title: t("hiddenDangers.level"), render: (_, d) => <DangerLevelTag level={d.level} /> },
    {
      title: t("hiddenDangers.titleField"),
      render: (_, d) => <Link to={detailPath(d.id)}>{d.title}</Link>,
    },
    { title: t("hiddenDangers.source"), dataIndex: "riskSourceName" },
    { title: t("hiddenDangers.status"), render: (_, d) => <DangerStatusTag status={d.status} /> },
    {
      title: t("hiddenDangers.supervised"),
      render: (_, d) => (d.supervised ? t("hiddenDangers.supervised") : ""),
    },
    { title: t("hiddenDangers.dueAt"), render: (_, d) => formatDate(d.dueAt) },
    { title: t("hiddenDangers.reportedAt"), render: (_, d) => formatDateTime(d.createdAt) },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("hiddenDangers.title")}
        </Typography.Title>
        {hasRole(me?.role, [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES]) && (
          <Button type="primary" data-testid="report-danger" onClick={() => setReporting(true)}>
            {t("hiddenDangers.report")}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{t("hiddenDangers.hint")}</Typography.Text>
      {stats.data && (
        <Typography.Text data-testid="danger-stats">
          {t("hiddenDangers.stats")}:{" "}
          {t("hiddenDangers.statsLine", {
            total: stats.data.total,
            major: stats.data.byLevel.major,
            onTime: stats.data.rectifiedOnTime,
            rectified: stats.data.rectified,
            due: formatDate(stats.data.reportDueAt),
          })}
        </Typography.Text>
      )}
      <Space wrap>
        <Select
          aria-label={t("hiddenDangers.level")}
          style={{ minWidth: 140 }}
          value={filters.level ?? ""}
          options={[
            { value: "", label: t("hiddenDangers.allLevels") },
            { value: "general", label: t("hiddenDangers.levels.general") },
            { value: "major", label: t("hiddenDangers.levels.major") },
          ]}
          onChange={(v) =>
            setFilters((f) => ({ ...f, level: (v || undefined) as DangerFilters["level"] }))
          }
        />
        <Select
          aria-label={t("hiddenDangers.status")}
          style={{ minWidth: 140 }}
          value={filters.status ?? ""}
          options={[
            { value: "", label: t("hiddenDangers.allStatuses") },
            ...HIDDEN_DANGER_STATUSES.map((s) => ({
              value: s,
              label: t(`hiddenDangers.statuses.${s}`),
            })),
          ]}
          onChange={(v) =>
            setFilters((f) => ({ ...f, status: (v || undefined) as DangerFilters["status"] }))
          }
        />
        <Checkbox
          checked={filters.supervised === "true"}
          onChange={(e) =>
            setFilters((f) => ({ ...f, supervised: e.target.checked ? "true" : undefined }))
          }
        >
          {t("hiddenDangers.supervisedOnly")}
        </Checkbox>
      </Space>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<HiddenDanger>
        rowKey="id"
        data-testid="hidden-dangers"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && list.items.length === 0}
        pagination={false}
        locale={{ emptyText: t("hiddenDangers.empty") }}
      />
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("registry.common.loadMore")}
          </Button>
        </Flex>
      )}
      <ReportDialog open={reporting} onClose={() => setReporting(false)} />
    </Flex>
  );
}
