import * as z from "zod";
import { RiskSourceListQuerySchema } from "../risk/list-query.ts";
import { ImportStatusSchema, SpreadsheetFormatSchema } from "./import-job.ts";

const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

/**
 * Starting an export: the listing's filters (they only narrow the caller's scope) and the
 * format. Exports are jobs because a register of any size must not meet a request's time limit.
 */
export const ExportRequestSchema = RiskSourceListQuerySchema.omit({
  cursor: true,
  limit: true,
}).extend({ format: SpreadsheetFormatSchema.default("xlsx") });
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

/** An export job as callers read it; `download` once it is `done`. */
export const ExportJobSchema = z.object({
  id: z.string(),
  kind: z.literal("riskSourceExport"),
  status: ImportStatusSchema,
  format: SpreadsheetFormatSchema,
  /** Rows in the file; 0 until done. */
  rows: z.number().int().min(0),
  /** Why a `failed` job stopped. */
  reason: BilingualSchema.optional(),
  /** A presigned GET of the file, fresh on every read, valid until `expiresAt`. */
  download: z
    .object({ url: z.url(), fileName: z.string(), expiresAt: z.iso.datetime() })
    .optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;
