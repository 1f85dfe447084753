import type { FunctionDefinition } from "../platform/manifest-types.ts";
import {
  censusImportRoute,
  exportRiskSourcesRoute,
  importTemplateRoute,
  riskSourceImportRoute,
  standardizationImportRoute,
  startCensusImportRoute,
  startRiskSourceImportRoute,
  startStandardizationImportRoute,
} from "./routes.ts";

/** Spreadsheet routes live apart from the registry API so exceljs stays out of its bundle. */
export const exchangeApi: FunctionDefinition = {
  id: "exchange-api",
  description: "Import templates, import jobs and exports of risk sources and enterprise data",
  handler: "functions/exchange/exchange-api.handler.ts",
  routes: [
    importTemplateRoute,
    exportRiskSourcesRoute,
    startRiskSourceImportRoute,
    riskSourceImportRoute,
    startCensusImportRoute,
    censusImportRoute,
    startStandardizationImportRoute,
    standardizationImportRoute,
  ],
  table: "readWrite",
  bucket: "readWrite",
  publishes: ["imports"],
  memoryMb: 1024,
  timeoutSeconds: 29,
};

/** Runs import jobs from the `imports` queue: validates every row, writes the valid ones. */
export const importWorker: FunctionDefinition = {
  id: "import-worker",
  description: "Import jobs: risk sources, census extracts, standardization records",
  handler: "functions/exchange/import-worker.handler.ts",
  queues: ["imports"],
  table: "readWrite",
  bucket: "read",
  memoryMb: 1024,
  timeoutSeconds: 300,
};
