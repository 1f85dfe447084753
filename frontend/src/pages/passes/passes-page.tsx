import { useQuery } from "@tanstack/react-query";
import { Card, Progress, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type * as z from "zod";
import type { PassProgressSchema } from "../../../../shared/contracts/passes.ts";
import { useApi } from "../../api/api-context.tsx";
import { listPasses, passKeys } from "../../api/passes.ts";
import { LoadError } from "../../app/load-error.tsx";
import { formatDateTime } from "../../registry/dates.ts";

type PassProgress = z.infer<typeof PassProgressSchema>;

/** While a pass runs the list polls; it rests once every pass has ended. */
const POLL_MS = 3_000;

/**
 * A pass has ended when its segments have, and a reconciliation once it has compared too: its
 * result is recorded a moment after its last segment.
 */
const ended = (pass: PassProgress) =>
  pass.done && (pass.kind !== "stats-reconciliation" || pass.drift !== undefined);

const KINDS = [
  "review-due",
  "readiness",
  "reevaluation",
  "statistics-reminder",
  "stats-reconciliation",
] as const;
const isKnownKind = (kind: string): kind is (typeof KINDS)[number] =>
  (KINDS as readonly string[]).includes(kind);

/**
 * 定期任务进度: the city administrator watches the scheduled passes over the city (the daily
 * review-due check, re-evaluations after a method version changes, the quarterly hidden-danger
 * statistics reminder, the nightly statistics reconciliation) segment by segment, and what a
 * reconciliation found.
 */
export function PassesPage() {
  const { t } = useTranslation();
  const client = useApi();
  const passes = useQuery({
    queryKey: passKeys.all(),
    queryFn: ({ signal }) => listPasses(client, signal),
    refetchInterval: (query) => (query.state.data?.items.some((p) => !ended(p)) ? POLL_MS : false),
  });

  const columns: ColumnsType<PassProgress> = [
    {
      title: t("passes.kind"),
      dataIndex: "kind",
      render: (kind: string) => (isKnownKind(kind) ? t(`passes.kinds.${kind}`) : kind),
    },
    {
      title: t("passes.startedAt"),
      dataIndex: "startedAt",
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t("passes.progress"),
      key: "progress",
      render: (_, pass) => (
        <Progress
          size="small"
          style={{ minWidth: 160 }}
          percent={
            pass.segments === 0 ? 100 : Math.floor((pass.segmentsDone / pass.segments) * 100)
          }
          format={() => `${pass.segmentsDone} / ${pass.segments}`}
          status={ended(pass) ? "success" : "active"}
        />
      ),
    },
    { title: t("passes.seen"), dataIndex: "seen", align: "right" },
    { title: t("passes.acted"), dataIndex: "acted", align: "right" },
    {
      title: t("passes.status"),
      key: "status",
      render: (_, pass) => (
        <Tag color={ended(pass) ? "success" : "processing"}>
          {t(ended(pass) ? "passes.statuses.done" : "passes.statuses.running")}
        </Tag>
      ),
    },
    {
      title: t("passes.result"),
      dataIndex: "drift",
      render: (drift: number | undefined) =>
        drift === undefined ? null : (
          <Tag color={drift === 0 ? "success" : "error"}>
            {drift === 0 ? t("passes.consistent") : t("passes.drift", { count: drift })}
          </Tag>
        ),
    },
  ];

  return (
    <Card title={t("passes.title")}>
      <Typography.Paragraph type="secondary">{t("passes.hint")}</Typography.Paragraph>
      {passes.error && <LoadError error={passes.error} onRetry={() => void passes.refetch()} />}
      <Table
        data-testid="passes"
        rowKey="id"
        size="small"
        loading={passes.isPending}
        columns={columns}
        dataSource={passes.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("passes.empty") }}
      />
    </Card>
  );
}
