import type { ReportFormat } from "../../shared/reports/report-job.ts";
import type { ReportTable } from "../../shared/reports/report-table.ts";
import { writeRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { renderReportPdf } from "./report-pdf.ts";

export { REPORT_CONTENT_TYPES, reportFileName } from "./report-file-names.ts";

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
