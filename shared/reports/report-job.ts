import * as z from "zod";
import { ImportStatusSchema } from "../exchange/import-job.ts";
import { TrendQuerySchema } from "../stats/trends.ts";

/**
 * Reports for officials (报表), each within the caller's jurisdiction:
 * - `majorRisks`: the major-risk list (重大风险清单) with the three responsibilities (domain.md §5);
 * - `overdueReviews`: sources whose periodic review is past due (domain.md §4);
 * - `trends`: sources by level per day (趋势);
 * - `coverage`: registered and assessed per district and industry, laggards first (推进平衡性).
 */
export const REPORT_KINDS = ["majorRisks", "overdueReviews", "trends", "coverage"] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** Lists as CSV/XLSX for further work, a PDF to print and file. */
export const ReportFormatSchema = z.enum(["csv", "xlsx", "pdf"]);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/** Starting a report: which, in what format, and for `trends` the days (default the last 30). */
export const ReportRequestSchema = z.strictObject({
  kind: ReportKindSchema,
  format: ReportFormatSchema.default("xlsx"),
  from: TrendQuerySchema.shape.from,
  to: TrendQuerySchema.shape.to,
});
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

/** `202` answer of starting a report. */
export const ReportAcceptedSchema = z.strictObject({
  jobId: z.string(),
  status: ImportStatusSchema,
});

const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

/** A report job as its starter reads it. */
export const ReportJobSchema = z.strictObject({
  id: z.string(),
  kind: ReportKindSchema,
  format: ReportFormatSchema,
  status: ImportStatusSchema,
  /** Data rows in the report; 0 until done. */
  rows: z.number().int().min(0),
  /** Why a `failed` job stopped. */
  reason: BilingualSchema.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ReportJob = z.infer<typeof ReportJobSchema>;

/** A presigned GET of a done report's file; every request gives a fresh one. */
export const ReportDownloadSchema = z.strictObject({
  url: z.url(),
  fileName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type ReportDownload = z.infer<typeof ReportDownloadSchema>;

/** The report jobs of the caller, newest first. */
export const ReportJobPageSchema = z.strictObject({
  items: z.array(ReportJobSchema),
  nextCursor: z.string().nullable(),
});
