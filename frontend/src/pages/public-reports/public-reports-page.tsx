import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { HiddenDangerLevel } from "../../../../shared/hidden-dangers/hidden-danger.ts";
import {
  PUBLIC_REPORT_STATUSES,
  type PublicReport,
  type PublicReportStatus,
} from "../../../../shared/hidden-dangers/public-report.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { dangerKeys } from "../../api/hidden-dangers.ts";
import {
  acceptPublicReport,
  listPublicReports,
  publicReportKeys,
  rejectPublicReport,
} from "../../api/public-reports.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { formatDateTime } from "../../registry/dates.ts";

const STATUS_COLOUR: Record<PublicReportStatus, string> = {
  pending: "gold",
  accepted: "green",
  rejected: "default",
};

/** Officials accept (at a grade) or reject (with a reason) a pending report. */
function Moderation({ report }: { report: PublicReport }) {
  const { t } = useTranslation();
  const client = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [level, setLevel] = useState<HiddenDangerLevel>("general");
  const [reason, setReason] = useState("");
  const done = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: publicReportKeys.all() });
      void queryClient.invalidateQueries({ queryKey: dangerKeys.all() });
    },
    onError: (error: unknown) => void message.error(errorText(error, t)),
  };
  const accept = useMutation({
    mutationFn: () => acceptPublicReport(client, report, level),
    ...done,
  });
  const reject = useMutation({
    mutationFn: () => rejectPublicReport(client, report, reason.trim()),
    ...done,
  });
  return (
    <Space wrap>
      <Select
        aria-label={t("publicReports.acceptAs")}
        value={level}
        style={{ minWidth: 100 }}
        options={[
          { value: "general", label: t("hiddenDangers.levels.general") },
          { value: "major", label: t("hiddenDangers.levels.major") },
        ]}
        onChange={setLevel}
      />
      <Button
        type="primary"
        data-testid="accept-report"
        loading={accept.isPending}
        onClick={() => accept.mutate()}
      >
        {t("publicReports.accept")}
      </Button>
      <Popconfirm
        title={t("publicReports.rejectReason")}
        description={
          <Input
            aria-label={t("publicReports.reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        }
        okButtonProps={{ disabled: reason.trim() === "" }}
        onConfirm={() => reject.mutate()}
      >
        <Button danger data-testid="reject-report" loading={reject.isPending}>
          {t("publicReports.reject")}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/**
 * 公众举报审核: hidden dangers the public reported from cards' QR codes. Officials of the
 * source's jurisdiction moderate; the enterprise sees the reports on its sources (no contact).
 */
export function PublicReportsPage() {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const official = hasRole(me?.role, OFFICIAL_ROLES);
  const [status, setStatus] = useState<PublicReportStatus | undefined>("pending");
  const list = useCursorList(publicReportKeys.list(status), (c, cursor, signal) =>
    listPublicReports(c, status, cursor, signal),
  );
  const columns: ColumnsType<PublicReport> = [
    {
      title: t("publicReports.titleField"),
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.title}</Typography.Text>
          <Typography.Text type="secondary">{r.description}</Typography.Text>
          {r.contact && <Typography.Text>{r.contact}</Typography.Text>}
          {r.rejectReason && (
            <Typography.Text type="secondary">
              {t("publicReports.reason")}：{r.rejectReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t("publicReports.source"), dataIndex: "riskSourceName" },
    {
      title: t("publicReports.status"),
      render: (_, r) => (
        <Tag color={STATUS_COLOUR[r.status]}>{t(`publicReports.statuses.${r.status}`)}</Tag>
      ),
    },
    { title: t("publicReports.receivedAt"), render: (_, r) => formatDateTime(r.createdAt) },
    ...(official
      ? [
          {
            key: "moderate",
            render: (_: unknown, r: PublicReport) =>
              r.status === "pending" && <Moderation report={r} />,
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("publicReports.queueTitle")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("publicReports.queueHint")}</Typography.Text>
      <Select
        aria-label={t("publicReports.status")}
        style={{ width: 160 }}
        value={status ?? ""}
        options={[
          { value: "", label: t("publicReports.allStatuses") },
          ...PUBLIC_REPORT_STATUSES.map((s) => ({
            value: s,
            label: t(`publicReports.statuses.${s}`),
          })),
        ]}
        onChange={(v) => setStatus((v || undefined) as PublicReportStatus | undefined)}
      />
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<PublicReport>
        rowKey="id"
        data-testid="public-reports"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && list.items.length === 0}
        pagination={false}
        locale={{ emptyText: t("publicReports.empty") }}
      />
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("registry.common.loadMore")}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
