import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { LEVELS } from "../../../../shared/methodology/levels.ts";
import type { WarningAction, WarningStatus } from "../../../../shared/warnings/warning.ts";
import { WARNING_STATUSES } from "../../../../shared/warnings/warning.ts";
import type { WarningSummary } from "../../../../shared/warnings/warning-query.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { searchFromWarningFilters, warningFiltersFromSearch } from "../../api/warning-filters.ts";
import {
  actOnWarning,
  listWarnings,
  type WarningFilters,
  warningKeys,
} from "../../api/warnings.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { LevelTag } from "../../theme/level-tag.tsx";
import { StepDialog } from "./step-dialog.tsx";
import { WarningDetail } from "./warning-detail.tsx";

/** New warnings appear without a reload: the inbox polls (TanStack Query). */
const POLL_MS = 15_000;

const STATUS_COLOURS: Record<WarningStatus, string> = {
  open: "red",
  acknowledged: "orange",
  handling: "blue",
  resolved: "green",
  closed: "default",
  cleared: "cyan",
};

/** The next steps a person may take on a warning in this status. */
function actionsFor(status: WarningStatus, official: boolean): WarningAction[] {
  switch (status) {
    case "open":
      return ["acknowledge", "handle", "resolve"];
    case "acknowledged":
      return ["handle", "resolve"];
    case "handling":
      return ["resolve"];
    case "resolved":
    case "cleared":
      return official ? ["close"] : [];
    case "closed":
      return [];
  }
}

/**
 * 预警处置: the officials' inbox of warnings in their jurisdiction (enterprises see their own),
 * filtered by level and status, with acknowledge / handle / resolve (and close for officials)
 * each with a note, and the escalation timeline on the detail.
 */
export function WarningsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const official = hasRole(me?.role, OFFICIAL_ROLES);
  // Filters live in the URL, so a dashboard number links to its list (/warnings?status=open).
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => warningFiltersFromSearch(search), [search]);
  const setFilters = (next: (f: WarningFilters) => WarningFilters) =>
    setSearch(searchFromWarningFilters(next(filters)));
  // The warning on show is in the URL too: e-mails and in-app alerts link to /warnings?id=….
  const openId = search.get("id") ?? undefined;
  const setOpenId = (id: string | undefined) => {
    const next = new URLSearchParams(search);
    if (id) next.set("id", id);
    else next.delete("id");
    setSearch(next);
  };
  const [pending, setPending] = useState<{ warning: WarningSummary; action: WarningAction }>();
  const list = useCursorList(
    warningKeys.list(filters),
    (c, cursor, signal) => listWarnings(c, filters, cursor, signal),
    { refetchInterval: POLL_MS },
  );

  const act = useMutation({
    mutationFn: (v: { warning: WarningSummary; action: WarningAction; note?: string }) =>
      actOnWarning(client, v.warning, v.action, v.note),
    onSuccess: async () => {
      setPending(undefined);
      void message.success(t("warnings.done"));
      await queryClient.invalidateQueries({ queryKey: warningKeys.all() });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const columns: ColumnsType<WarningSummary> = [
    {
      title: t("warnings.level"),
      dataIndex: "level",
      render: (_, w) => <LevelTag level={w.level} />,
    },
    {
      title: t("warnings.source"),
      dataIndex: "riskSourceName",
      render: (_, w) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(w.id)}>
          {w.riskSourceName}
        </Button>
      ),
    },
    { title: t("warnings.enterprise"), dataIndex: "enterpriseName" },
    {
      title: t("warnings.rule"),
      dataIndex: "rule",
      render: (_, w) => t(`warnings.rules.${w.rule}`),
    },
    {
      title: t("warnings.status"),
      dataIndex: "status",
      render: (_, w) => (
        <Tag color={STATUS_COLOURS[w.status]}>{t(`warnings.statuses.${w.status}`)}</Tag>
      ),
    },
    { title: t("warnings.step"), render: (_, w) => t(`warnings.steps.${w.escalation.step}`) },
    {
      title: t("warnings.raisedAt"),
      dataIndex: "raisedAt",
      render: (v: string) => formatDateTime(v),
    },
    {
      title: "",
      key: "actions",
      render: (_, w) => (
        <Space>
          {actionsFor(w.status, official).map((action) => (
            <Button key={action} size="small" onClick={() => setPending({ warning: w, action })}>
              {t(`warnings.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  const levelOptions = useMemo(
    () => [
      { value: "", label: t("warnings.allLevels") },
      ...LEVELS.map((l) => ({ value: l, label: t(`levels.names.${l}`) })),
    ],
    [t],
  );
  const statusOptions = useMemo(
    () => [
      { value: "", label: t("warnings.allStatuses") },
      ...WARNING_STATUSES.map((s) => ({ value: s, label: t(`warnings.statuses.${s}`) })),
    ],
    [t],
  );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("warnings.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("warnings.hint")}</Typography.Text>
      <Space wrap>
        <Select
          aria-label={t("warnings.level")}
          data-testid="level-filter"
          style={{ minWidth: 160 }}
          value={filters.level ?? ""}
          options={levelOptions}
          onChange={(v) =>
            setFilters((f) => ({ ...f, level: (v || undefined) as WarningFilters["level"] }))
          }
        />
        <Select
          aria-label={t("warnings.status")}
          data-testid="status-filter"
          style={{ minWidth: 160 }}
          value={filters.status ?? ""}
          options={statusOptions}
          onChange={(v) =>
            setFilters((f) => ({ ...f, status: (v || undefined) as WarningFilters["status"] }))
          }
        />
      </Space>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<WarningSummary>
        rowKey="id"
        data-testid="warnings"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && list.items.length === 0}
        pagination={false}
        locale={{ emptyText: t("warnings.empty") }}
      />
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("registry.common.loadMore")}
          </Button>
        </Flex>
      )}
      <StepDialog
        action={pending?.action}
        subject={pending?.warning.riskSourceName ?? ""}
        busy={act.isPending}
        onCancel={() => setPending(undefined)}
        onConfirm={(note) => pending && act.mutate({ ...pending, ...(note ? { note } : {}) })}
      />
      <WarningDetail id={openId} onClose={() => setOpenId(undefined)} />
    </Flex>
  );
}
