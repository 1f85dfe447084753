import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Flex, Form, Input, Radio, Select, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  REPORT_KINDS,
  type ReportFormat,
  type ReportJob,
  type ReportKind,
} from "../../../../shared/reports/report-job.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { openFetchedLink } from "../../api/open-fetched-link.ts";
import { newIdempotencyKey } from "../../api/registry/etag.ts";
import { listReports, reportDownload, reportKeys, startReport } from "../../api/reports.ts";
import { LoadError } from "../../app/load-error.tsx";
import { formatDateTime } from "../../registry/dates.ts";

/** While a job is queued or running the list polls; it rests once every job has ended. */
const POLL_MS = 1_500;

const STATUS_COLOURS: Record<ReportJob["status"], string> = {
  queued: "default",
  running: "processing",
  done: "success",
  failed: "error",
};

/** Lists are spreadsheets too; the PDF is for printing and filing. */
const FORMATS: readonly ReportFormat[] = ["xlsx", "csv", "pdf"];

interface Choice {
  kind: ReportKind;
  format: ReportFormat;
  from?: string;
  to?: string;
}

/**
 * 报表下载: an official picks a report and a format, the job runs in the background within their
 * jurisdiction, its progress shows in the list, and a done report downloads by a fresh link.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Choice>();
  const kind = Form.useWatch("kind", form);
  // One key per submission: a retried click after a lost answer queues one report, not two.
  const [submissionKey, setSubmissionKey] = useState(newIdempotencyKey);

  const jobs = useQuery({
    queryKey: reportKeys.all(),
    queryFn: ({ signal }) => listReports(client, signal),
    refetchInterval: (query) =>
      query.state.data?.items.some((j) => j.status === "queued" || j.status === "running")
        ? POLL_MS
        : false,
  });

  const start = useMutation({
    mutationFn: (choice: Choice) =>
      startReport(
        client,
        {
          kind: choice.kind,
          format: choice.format,
          ...(choice.kind === "trends" && choice.from ? { from: choice.from } : {}),
          ...(choice.kind === "trends" && choice.to ? { to: choice.to } : {}),
        },
        submissionKey,
      ),
    onSuccess: async () => {
      setSubmissionKey(newIdempotencyKey());
      message.success(t("reports.started"));
      await queryClient.invalidateQueries({ queryKey: reportKeys.all() });
    },
    onError: (error) => message.error(`${t("reports.startFailed")}: ${errorText(error, t)}`),
  });

  const download = useMutation({
    // The presigned link names the file (Content-Disposition: attachment); a new tab keeps this
    // page and its job list where they are.
    mutationFn: (job: ReportJob) =>
      openFetchedLink(async () => (await reportDownload(client, job.id)).url),
    onError: (error) => message.error(`${t("reports.downloadFailed")}: ${errorText(error, t)}`),
  });

  const columns: ColumnsType<ReportJob> = [
    { title: t("reports.kind"), key: "kind", render: (_, j) => t(`reports.kinds.${j.kind}`) },
    { title: t("reports.format"), key: "format", render: (_, j) => j.format.toUpperCase() },
    {
      title: t("reports.status"),
      key: "status",
      render: (_, j) => (
        <Tag color={STATUS_COLOURS[j.status]} data-testid={`report-status-${j.id}`}>
          {t(`reports.statuses.${j.status}`)}
        </Tag>
      ),
    },
    { title: t("reports.rows"), dataIndex: "rows", key: "rows" },
    {
      title: t("reports.createdAt"),
      key: "createdAt",
      render: (_, j) => formatDateTime(j.createdAt),
    },
    {
      key: "download",
      render: (_, j) => (
        <Button
          size="small"
          data-testid={`report-download-${j.id}`}
          disabled={j.status !== "done"}
          loading={download.isPending && download.variables?.id === j.id}
          onClick={() => download.mutate(j)}
        >
          {t("reports.download")}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3}>{t("reports.title")}</Typography.Title>
      <Typography.Text type="secondary">{t("reports.hint")}</Typography.Text>
      <Card>
        <Form<Choice>
          form={form}
          layout="inline"
          initialValues={{ kind: "majorRisks", format: "xlsx" }}
          onFinish={(choice) => start.mutate(choice)}
        >
          <Form.Item name="kind" label={t("reports.kind")}>
            <Select
              style={{ minWidth: 200 }}
              options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="format" label={t("reports.format")}>
            <Radio.Group
              optionType="button"
              options={FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
            />
          </Form.Item>
          {kind === "trends" && (
            <>
              <Form.Item name="from" label={t("reports.from")}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="to" label={t("reports.to")}>
                <Input type="date" />
              </Form.Item>
            </>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={start.isPending}>
              {t("reports.start")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Typography.Title level={5}>{t("reports.recent")}</Typography.Title>
      {jobs.isError ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<ReportJob>
          rowKey="id"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isLoading}
          pagination={false}
          locale={{ emptyText: t("reports.empty") }}
        />
      )}
    </Flex>
  );
}
