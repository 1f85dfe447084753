import { reportsContract } from "../../shared/contracts/reports.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** Officials' report routes: start a job, follow it, fetch the file's link. No pdfkit here. */
export const reportsApi: FunctionDefinition = {
  id: "reports-api",
  description:
    "Reports for officials (报表) as jobs: major-risk list, overdue reviews, trends, coverage",
  handler: "functions/reports/reports-api.handler.ts",
  routes: reportsContract,
  table: "readWrite",
  // Read: presigning a GET needs the grant the link is signed with.
  bucket: "read",
  publishes: ["reports"],
  memoryMb: 256,
  timeoutSeconds: 10,
};

/**
 * Writes report files from the `reports` queue: CSV/XLSX through the spreadsheet adapter, PDF
 * through pdfkit in the card's CJK font (its folder shipped beside the bundle).
 */
export const reportWorker: FunctionDefinition = {
  id: "report-worker",
  description: "Report jobs: reads the scope's data and writes the CSV, XLSX or PDF to the bucket",
  handler: "functions/reports/report-worker.handler.ts",
  queues: ["reports"],
  // readWrite: the job's progress, and officials' reads of sources are audited (functions/audit).
  table: "readWrite",
  bucket: "readWrite",
  assets: ["functions/cards/fonts"],
  memoryMb: 1024,
  timeoutSeconds: 300,
};
