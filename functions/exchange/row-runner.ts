import type * as z from "zod";
import {
  type ColumnSpec,
  EXAMPLE_MARK,
  isKeyRow,
  recordOfRow,
  resolveHeaders,
} from "../../shared/exchange/columns.ts";
import { type ChangeReport, MAX_LISTED, type RowError } from "../../shared/exchange/import-job.ts";
import { rowErrorsFromZod } from "../../shared/exchange/row-error-text.ts";
import type { StoredImportJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { SheetRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { rowContentKeys } from "./row-ids.ts";

/** What one row came to: written (or, in a dry run, would be), refused, or left as it was. */
export type RowOutcome =
  | { kind: "written"; report?: ReportLine }
  | { kind: "unchanged"; report?: ReportLine }
  | { kind: "refused"; errors: RowError[]; report?: ReportLine };

type ReportLine =
  | { list: "created" | "unchanged"; entry: ChangeReport["created"][number] }
  | { list: "updated"; entry: ChangeReport["updated"][number] }
  | { list: "rejected"; entry: ChangeReport["rejected"][number] };

/**
 * Handles one valid row; `row` is its sheet line (header = line 1), `contentKey` identifies the
 * row by its content (see `rowContentKeys`), so ids derived from it survive a new job.
 */
export type RowHandler<T> = (row: number, input: T, contentKey: string) => Promise<RowOutcome>;

/** How a worker drives a run: where progress goes, and when to stop and leave the rest. */
export interface RunControl {
  /** Persists the job (checkpoint and counts); throws when another worker took the job over. */
  save: (job: StoredImportJob) => Promise<void>;
  /** Asked before each chunk: true when this invocation must stop (its time is nearly up). */
  shouldPause: () => boolean;
}

/** `paused`: stopped at a checkpoint with rows left; a later delivery resumes from it. */
export type RunResult = "done" | "paused";

/** Rows read before the job's progress (its checkpoint) is saved again. */
export const PROGRESS_EVERY = 25;
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
 * The job's counts at its checkpoint: a job that read this sheet before (same number of rows)
 * resumes after its `processed` rows with the counts saved with them; any other starts afresh.
 */
function resumeAt(job: StoredImportJob, total: number, withReport: boolean): number {
  const resumable = job.total === total && job.processed > 0 && job.processed <= total;
  if (!resumable) {
    Object.assign(job, {
      total,
      processed: 0,
      written: 0,
      unchanged: 0,
      failedRows: 0,
      errors: [],
    });
    if (withReport) job.report = emptyReport();
    return 0;
  }
  job.unchanged ??= 0;
  if (withReport) job.report ??= emptyReport();
  return job.processed;
}

/**
 * Validates every row with `schema` and hands the valid ones to `handle`, one chunk after
 * another. After each chunk the job is saved with `processed` as its checkpoint and the counts
 * so far; a run of a job that stopped midway starts after the checkpoint. Rows the stopped run
 * wrote past its checkpoint are written again under the same content-derived ids, which the
 * handlers recognise, so each row is stored and counted once. The job is updated in place.
 */
export async function runRows<S extends z.ZodType>(
  job: StoredImportJob,
  sheet: SheetRows,
  columns: readonly ColumnSpec[],
  schema: S,
  handle: RowHandler<z.infer<S>>,
  control: RunControl,
  withReport: boolean,
): Promise<RunResult> {
  const { mapped, rows } = importableRows(columns, sheet);
  const keys = rowContentKeys(rows.map(({ cells }) => recordOfRow(mapped, cells)));
  const from = resumeAt(job, rows.length, withReport);
  const report = withReport ? job.report : undefined;

  const one = async ({ row, cells }: (typeof rows)[number], index: number): Promise<RowOutcome> => {
    const record = recordOfRow(mapped, cells);
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const errors = rowErrorsFromZod(columns, row, parsed.error, record);
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
    return handle(row, parsed.data, keys[index] as string);
  };

  for (let start = from; start < rows.length; start += PROGRESS_EVERY) {
    if (control.shouldPause()) return "paused";
    const end = Math.min(start + PROGRESS_EVERY, rows.length);
    for (let i = start; i < end; i += CONCURRENCY) {
      const batch = rows.slice(i, Math.min(i + CONCURRENCY, end));
      const outcomes = await Promise.all(batch.map((r, k) => one(r, i + k)));
      for (const outcome of outcomes) {
        job.processed += 1;
        if (outcome.kind === "written" && !job.dryRun) job.written += 1;
        if (outcome.kind === "unchanged") job.unchanged = (job.unchanged ?? 0) + 1;
        if (outcome.kind === "refused") {
          job.failedRows += 1;
          job.errors.push(...outcome.errors.slice(0, MAX_LISTED - job.errors.length));
        }
        if (report && outcome.report) addToReport(report, outcome.report);
      }
    }
    job.updatedAt = new Date().toISOString();
    await control.save(job);
  }
  return "done";
}
