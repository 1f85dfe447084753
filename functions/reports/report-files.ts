import type { ReportFormat, ReportKind } from "../../shared/reports/report-job.ts";
import { REPORT_TITLES, type ReportTable } from "../../shared/reports/report-table.ts";
import { writeRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { renderReportPdf } from "./report-pdf.ts";

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** The file a report downloads as: `重大风险清单-<date>.<format>`. */
export function reportFileName(kind: ReportKind, day: string, format: ReportFormat): string {
  return `${REPORT_TITLES[kind]}-${day}.${format}`;
}

/** A report's file in its format: the lists through the export's spreadsheet writer, or the PDF. */
export async function reportFile(
  table: ReportTable,
  format: ReportFormat,
  heading: { scope: string; generatedAt: Date },
): Promise<Uint8Array> {
  if (format === "pdf") return renderReportPdf(table, heading);
  const columns = table.columns.map(({ key, label }) => ({ key, label }));
  // Excel caps sheet names at 31 characters; every title is shorter.
  return writeRows(format, table.title, columns, table.rows);
}
