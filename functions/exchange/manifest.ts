import { exchangeContract } from "../../shared/contracts/exchange.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** Spreadsheet routes live apart from the registry API so exceljs stays out of its bundle. */
export const exchangeApi: FunctionDefinition = {
  id: "exchange-api",
  description: "Import templates, import jobs and exports of risk sources and enterprise data",
  handler: "functions/exchange/exchange-api.handler.ts",
  routes: exchangeContract,
  table: "readWrite",
  bucket: "readWrite",
  publishes: ["imports"],
  memoryMb: 1024,
  timeoutSeconds: 29,
};

/**
 * Runs jobs from the `imports` queue: imports (validates every row, writes the valid ones, from
 * a checkpoint) and exports (writes the file to the bucket). Publishes to continue a long import.
 */
export const importWorker: FunctionDefinition = {
  id: "import-worker",
  description: "Import and export jobs: risk sources, census extracts, standardization records",
  handler: "functions/exchange/import-worker.handler.ts",
  queues: ["imports"],
  table: "readWrite",
  bucket: "readWrite",
  publishes: ["imports"],
  memoryMb: 1024,
  timeoutSeconds: 300,
};

/** Every few minutes, hands jobs whose worker or message was lost to the worker again. */
export const jobRecovery: FunctionDefinition = {
  id: "job-recovery",
  description: "Re-enqueues stalled import, export and report jobs",
  handler: "functions/exchange/stalled-jobs.handler.ts",
  schedules: ["stalled-jobs"],
  table: "readWrite",
  publishes: ["imports", "reports"],
  memoryMb: 256,
  timeoutSeconds: 60,
};
