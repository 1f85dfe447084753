import type { ReportFormat, ReportKind } from "../../shared/reports/report-job.ts";
import { REPORT_TITLES } from "../../shared/reports/report-table.ts";

// Apart from the file writers (report-files.ts): the API names and links a file without
// loading the PDF and spreadsheet libraries, which only the worker needs.

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** The file a report downloads as: `重大风险清单-<date>.<format>`. */
export function reportFileName(kind: ReportKind, day: string, format: ReportFormat): string {
  return `${REPORT_TITLES[kind]}-${day}.${format}`;
}
