import * as z from "zod";
import {
  ReportAcceptedSchema,
  ReportDownloadSchema,
  ReportJobPageSchema,
  ReportJobSchema,
  ReportRequestSchema,
} from "../reports/report-job.ts";
import { OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, problem } from "./route.ts";

const tags = ["reports"] as const;
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

/**
 * Reports for officials (报表): produced as jobs within the caller's jurisdiction, written to the
 * bucket and fetched by a presigned link. A job belongs to the agency (tenant) that started it.
 */
export const reportsContract = {
  start: {
    method: "POST",
    path: api("/reports"),
    access: { roles: OFFICIAL_ROLES },
    summary:
      "Start a report of the caller's jurisdiction (major-risk list, overdue reviews, trends, coverage) as CSV, XLSX or PDF (Idempotency-Key honoured)",
    tags,
    request: { body: ReportRequestSchema, headers: ["Idempotency-Key"] },
    responses: {
      202: { description: "Job queued", schema: ReportAcceptedSchema },
      400: problem("Invalid request, listed per field"),
    },
  },
  list: {
    method: "GET",
    path: api("/reports"),
    access: { roles: OFFICIAL_ROLES },
    summary: "The agency's latest report jobs, newest first (up to 20)",
    tags,
    responses: { 200: { description: "Jobs", schema: ReportJobPageSchema } },
  },
  read: {
    method: "GET",
    path: api("/reports/{id}"),
    access: { roles: OFFICIAL_ROLES },
    summary: "A report job: status and rows",
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "The job", schema: ReportJobSchema },
      404: problem("No such job of the caller's agency"),
    },
  },
  download: {
    method: "GET",
    path: api("/reports/{id}/download"),
    access: { roles: OFFICIAL_ROLES },
    summary: "A presigned link (15 minutes) to a done report's file",
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "The link", schema: ReportDownloadSchema },
      404: problem("No such job of the caller's agency"),
      409: problem("The report is not done yet"),
    },
  },
} as const satisfies Contract;
