import type * as z from "zod";
import {
  type ColumnSpec,
  EXAMPLE_MARK,
  isKeyRow,
  recordOfRow,
  resolveHeaders,
  rowErrorsOf,
} from "../../shared/exchange/columns.ts";
import { type ChangeReport, MAX_LISTED, type RowError } from "../../shared/exchange/import-job.ts";
import type { StoredImportJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { SheetRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { issuesFromZod } from "../platform/http/problem.ts";

/** What one row came to: written (or, in a dry run, would be), refused, or left as it was. */
export type RowOutcome =
  | { kind: "written"; report?: ReportLine }
  | { kind: "unchanged"; report?: ReportLine }
  | { kind: "refused"; errors: RowError[]; report?: ReportLine };

type ReportLine =
  | { list: "created" | "unchanged"; entry: ChangeReport["created"][number] }
  | { list: "updated"; entry: ChangeReport["updated"][number] }
  | { list: "rejected"; entry: ChangeReport["rejected"][number] };

/** Handles one valid row; `row` is its sheet line (header = line 1). */
export type RowHandler<T> = (row: number, input: T) => Promise<RowOutcome>;

/** Rows read before the job's progress is saved again. */
const PROGRESS_EVERY = 25;
/** Rows handled at once (each is one small transaction). */
const CONCURRENCY = 5;

export function emptyReport(): ChangeReport {
  return {
    counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
    created: [],
    updated: [],
    unchanged: [],
    rejected: [],
  };
}

function addToReport(report: ChangeReport, line: ReportLine): void {
  report.counts[line.list] += 1;
  const list = report[line.list] as unknown[];
  if (list.length < MAX_LISTED) list.push(line.entry);
}

/** The data rows to import: the template's key row and example row are left out. */
export function importableRows(
  columns: readonly ColumnSpec[],
  sheet: SheetRows,
): { mapped: Map<ColumnSpec, string>; rows: { row: number; cells: Record<string, string> }[] } {
  const mapped = resolveHeaders(columns, sheet.headers);
  const rows = sheet.rows
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter(
      ({ cells }) =>
        !isKeyRow(mapped, cells) &&
        !Object.values(cells).some((text) => text.trim().startsWith(EXAMPLE_MARK)),
    );
  return { mapped, rows };
}

/**
 * Validates every row with `schema` and hands the valid ones to `handle`, saving the job's
 * progress every few rows. The job object is updated in place; `save` persists it.
 */
export async function runRows<S extends z.ZodType>(
  job: StoredImportJob,
  sheet: SheetRows,
  columns: readonly ColumnSpec[],
  schema: S,
  handle: RowHandler<z.infer<S>>,
  save: (job: StoredImportJob) => Promise<void>,
  withReport: boolean,
): Promise<void> {
  const { mapped, rows } = importableRows(columns, sheet);
  const report = withReport ? emptyReport() : undefined;
  Object.assign(job, { total: rows.length, processed: 0, written: 0, failedRows: 0, errors: [] });
  if (report) job.report = report;

  const one = async ({ row, cells }: (typeof rows)[number]): Promise<RowOutcome> => {
    const record = recordOfRow(mapped, cells);
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const errors = rowErrorsOf(columns, row, issuesFromZod(parsed.error, record, ""));
      const first = errors[0];
      const uscc = typeof record.uscc === "string" ? record.uscc : "";
      return first && withReport
        ? {
            kind: "refused",
            errors,
            report: { list: "rejected", entry: { row, uscc, message: first.message } },
          }
        : { kind: "refused", errors };
    }
    return handle(row, parsed.data);
  };

  for (let start = 0; start < rows.length; start += PROGRESS_EVERY) {
    const chunk = rows.slice(start, start + PROGRESS_EVERY);
    for (let i = 0; i < chunk.length; i += CONCURRENCY) {
      const outcomes = await Promise.all(chunk.slice(i, i + CONCURRENCY).map(one));
      for (const outcome of outcomes) {
        job.processed += 1;
        if (outcome.kind === "written" && !job.dryRun) job.written += 1;
        if (outcome.kind === "refused") {
          job.failedRows += 1;
          job.errors.push(...outcome.errors.slice(0, MAX_LISTED - job.errors.length));
        }
        if (report && outcome.report) addToReport(report, outcome.report);
      }
    }
    job.updatedAt = new Date().toISOString();
    await save(job);
  }
}
