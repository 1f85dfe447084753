import * as z from "zod";
import { FILE_TOO_LARGE_TEXT, MAX_IMPORT_BASE64_LENGTH } from "./import-limits.ts";

/** What an import job reads: risk sources of an enterprise, or enterprise data of agencies. */
export const ImportKindSchema = z.enum(["riskSources", "census", "standardization"]);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const ImportStatusSchema = z.enum(["queued", "running", "done", "failed"]);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const SpreadsheetFormatSchema = z.enum(["csv", "xlsx"]);

const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

/**
 * One problem of one row. `row` is the sheet line the row was read from when the sheet has no
 * blank lines (the header is line 1); `path` is the column key of the template.
 */
export const RowErrorSchema = z.object({
  row: z.number().int().positive(),
  path: z.string(),
  column: z.string(),
  code: z.string(),
  message: BilingualSchema,
});
export type RowError = z.infer<typeof RowErrorSchema>;

const ReportEntrySchema = z.object({
  row: z.number().int().positive(),
  uscc: z.string(),
  tenantId: z.string().optional(),
  name: z.string().optional(),
});

/** Outcome of an enterprise data exchange (census or standardization), row by row. */
export const ChangeReportSchema = z.object({
  counts: z.object({
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    rejected: z.number().int().min(0),
  }),
  created: z.array(ReportEntrySchema),
  updated: z.array(ReportEntrySchema.extend({ fields: z.array(z.string()) })),
  unchanged: z.array(ReportEntrySchema),
  rejected: z.array(ReportEntrySchema.extend({ message: BilingualSchema })),
});
export type ChangeReport = z.infer<typeof ChangeReportSchema>;

/** Lists in a job record are capped so the item stays far below DynamoDB's 400 KB. */
export const MAX_LISTED = 200;

/** An import job as callers read it. */
export const ImportJobSchema = z.object({
  id: z.string(),
  kind: ImportKindSchema,
  status: ImportStatusSchema,
  dryRun: z.boolean(),
  fileName: z.string(),
  format: SpreadsheetFormatSchema,
  /** Data rows in the file (template key and example rows not counted); 0 until read. */
  total: z.number().int().min(0),
  processed: z.number().int().min(0),
  /** Rows written (dry run: always 0). */
  written: z.number().int().min(0),
  /**
   * Rows left alone because an earlier import already stored the same row (row ids derive from
   * the row's content, so re-submitting a file never writes a row twice).
   */
  unchanged: z.number().int().min(0).optional(),
  /** Rows with at least one error. */
  failedRows: z.number().int().min(0),
  /** Per-row errors, the first `MAX_LISTED`. */
  errors: z.array(RowErrorSchema),
  report: ChangeReportSchema.optional(),
  /** Why a `failed` job stopped. */
  reason: BilingualSchema.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

/** Starting an import: the file travels base64-encoded in the JSON body (see import-limits.ts). */
export const ImportRequestSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  format: SpreadsheetFormatSchema,
  contentBase64: z
    .base64()
    .min(1)
    .max(MAX_IMPORT_BASE64_LENGTH, {
      message: `${FILE_TOO_LARGE_TEXT.zh} / ${FILE_TOO_LARGE_TEXT.en}`,
    }),
  dryRun: z.boolean().default(false),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

export const ImportAcceptedSchema = z.object({ id: z.string(), status: ImportStatusSchema });
