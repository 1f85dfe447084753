import { Alert, Flex, Progress, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { ImportJob, RowError } from "../../api/registry/imports.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { ReportCounts } from "./report-counts.tsx";

/** Progress of the job, then its summary and one line per row error. */
export function ImportResult({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const done = job.status === "done";
  const percent = done ? 100 : job.total > 0 ? Math.round((job.processed / job.total) * 100) : 0;
  const columns: ColumnsType<RowError> = [
    { key: "row", title: t("registry.import.row"), dataIndex: "row", width: 80 },
    {
      key: "column",
      title: t("registry.import.column"),
      width: 220,
      render: (_, e) => (e.column ? `${e.column}（${e.path}）` : e.path),
    },
    { key: "message", title: t("registry.import.message"), render: (_, e) => pick(e.message) },
  ];
  return (
    <Flex
      vertical
      gap={12}
      data-testid="import-result"
      data-status={job.status}
      data-dry-run={job.dryRun}
    >
      <Progress
        percent={percent}
        status={job.status === "failed" ? "exception" : done ? "success" : "active"}
        data-testid="import-progress"
      />
      <Typography.Text>
        {t(`registry.import.status.${job.status}`)} ·{" "}
        {t("registry.import.processed", { processed: job.processed, total: job.total })}
      </Typography.Text>
      {done && (
        <Alert
          type={job.failedRows > 0 ? "warning" : "success"}
          showIcon
          data-testid="import-summary"
          title={
            job.dryRun
              ? t("registry.import.dryRunSummary", {
                  total: job.total,
                  valid: job.total - job.failedRows,
                  invalid: job.failedRows,
                })
              : t("registry.import.writtenSummary", {
                  written: job.written,
                  invalid: job.failedRows,
                })
          }
        />
      )}
      {done && job.report && <ReportCounts report={job.report} />}
      {job.status === "failed" && (
        <Alert
          type="error"
          showIcon
          title={t("registry.import.failed")}
          description={job.reason ? pick(job.reason) : undefined}
        />
      )}
      {job.errors.length > 0 && (
        <Table<RowError>
          data-testid="import-errors"
          size="small"
          rowKey={(e) => `${e.row}:${e.path}:${e.code}`}
          columns={columns}
          dataSource={job.errors}
          pagination={job.errors.length > 20 ? { pageSize: 20 } : false}
        />
      )}
    </Flex>
  );
}
