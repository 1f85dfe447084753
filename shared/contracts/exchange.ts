import * as z from "zod";
import { ExportJobSchema, ExportRequestSchema } from "../exchange/export-job.ts";
import {
  ImportAcceptedSchema,
  ImportJobSchema,
  ImportRequestSchema,
  SpreadsheetFormatSchema,
} from "../exchange/import-job.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract } from "./route.ts";

/** Agencies that exchange enterprise data with the city's other systems. */
export const EXCHANGE_ROLES = ["districtOfficial", "cityAdmin"] as const;

const FormatQuery = z.strictObject({ format: SpreadsheetFormatSchema.default("xlsx") });
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
const tags = ["exchange"] as const;
const FILE_TYPES = "text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const EXPORT_ROLES = [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES] as const;

/** The three imports share one shape: start a job (202), then read it by id. */
function importRoutes<const P extends string, const R extends readonly string[]>(
  path: P,
  roles: R,
  what: string,
) {
  const start = {
    method: "POST",
    path,
    access: { roles },
    summary: `Import ${what} from CSV/XLSX as a job, dry run possible (Idempotency-Key honoured)`,
    tags,
    request: { body: ImportRequestSchema, headers: ["Idempotency-Key"] },
    responses: {
      202: { description: "Job queued", schema: ImportAcceptedSchema },
      400: { description: "Invalid request, listed per field" },
    },
  } as const;
  const read = {
    method: "GET",
    path: `${path}/{id}`,
    access: { roles },
    summary: `An import job of ${what}: status, progress, per-row errors`,
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "The job", schema: ImportJobSchema },
      404: { description: "No such job of the caller's tenant" },
    },
  } as const;
  return { start, read } as const;
}

const riskSourceImports = importRoutes(
  api("/risk-sources/imports"),
  ENTERPRISE_ROLES,
  "risk sources",
);
const censusImports = importRoutes(
  api("/enterprises/census-imports"),
  EXCHANGE_ROLES,
  "enterprise base data from a census extract (matched by credit code)",
);
const standardizationImports = importRoutes(
  api("/enterprises/standardization-imports"),
  EXCHANGE_ROLES,
  "standardization grades (安全生产标准化)",
);

/** Spreadsheet exchange: the import template, import jobs and export jobs. */
export const exchangeContract = {
  importTemplate: {
    method: "GET",
    path: api("/risk-sources/import-template"),
    access: { roles: ENTERPRISE_ROLES },
    summary: "Risk-source import template: Chinese headers, an English key row, an example row",
    tags,
    request: { query: FormatQuery },
    responses: { 200: { description: "The template file", contentType: FILE_TYPES } },
  },
  /** Exports are jobs: the file is written to S3 whatever its size, then fetched by a link. */
  startRiskSourceExport: {
    method: "POST",
    path: api("/risk-sources/exports"),
    access: { roles: EXPORT_ROLES },
    summary:
      "Export the risk sources in reach (listing filters narrow them) as a CSV/XLSX job with levels and next review dates",
    tags,
    request: { body: ExportRequestSchema },
    responses: {
      202: { description: "Job queued", schema: ImportAcceptedSchema },
      400: { description: "Invalid request, listed per field" },
    },
  },
  riskSourceExport: {
    method: "GET",
    path: api("/risk-sources/exports/{id}"),
    access: { roles: EXPORT_ROLES },
    summary: "An export job: status, rows and, when done, a presigned download link (15 minutes)",
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "The job", schema: ExportJobSchema },
      404: { description: "No such job of the caller's tenant" },
    },
  },
  startRiskSourceImport: riskSourceImports.start,
  riskSourceImport: riskSourceImports.read,
  startCensusImport: censusImports.start,
  censusImport: censusImports.read,
  startStandardizationImport: standardizationImports.start,
  standardizationImport: standardizationImports.read,
} as const satisfies Contract;
