import type { ImportKind } from "../../shared/exchange/import-job.ts";
import { RISK_SOURCE_COLUMNS } from "../../shared/exchange/risk-source-columns.ts";
import type { SpreadsheetFormat } from "../adapters/spreadsheet/spreadsheet.ts";
import { httpHandler, on, type RouteResult } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { routeKey } from "../platform/manifest-types.ts";
import { readExport, startExport } from "./export-jobs.ts";
import { readJob, startImport } from "./import-jobs.ts";
import { templateFile } from "./import-template.ts";
import { exchangeApi } from "./manifest.ts";
import * as routes from "./routes.ts";

const CONTENT_TYPES: Readonly<Record<SpreadsheetFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A file download; the Chinese name travels as RFC 6266 `filename*`, an ASCII one as fallback. */
function download(
  file: Uint8Array,
  format: SpreadsheetFormat,
  asciiName: string,
  chineseName: string,
  headers: Record<string, string> = {},
): RouteResult {
  const disposition = `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${chineseName}.${format}`)}`;
  return {
    headers: { "content-disposition": disposition, ...headers },
    raw: {
      body: Buffer.from(file).toString("base64"),
      contentType: CONTENT_TYPES[format],
      base64: true,
    },
  };
}

/** Starting an import answers 202 with the job; an Idempotency-Key replays the first answer. */
function importStart(
  route:
    | typeof routes.startRiskSourceImportRoute
    | typeof routes.startCensusImportRoute
    | typeof routes.startStandardizationImportRoute,
  kind: ImportKind,
) {
  return on(route, async ({ caller, body, headers }) => {
    const start = async (): Promise<RouteResult> => ({
      status: 202,
      body: await startImport(caller, kind, body),
    });
    return idempotently(
      { tenantId: caller.tenantId, route: routeKey(route), headers, body },
      start,
    );
  });
}

function importRead(
  route:
    | typeof routes.riskSourceImportRoute
    | typeof routes.censusImportRoute
    | typeof routes.standardizationImportRoute,
  kind: ImportKind,
) {
  return on(route, async ({ caller, params }) => ({
    body: await readJob(caller, kind, params.id),
  }));
}

export const handler = httpHandler(exchangeApi, [
  on(routes.importTemplateRoute, async ({ query }) =>
    download(
      await templateFile(query.format, "风险源导入模板", RISK_SOURCE_COLUMNS),
      query.format,
      "risk-source-import-template",
      "风险源导入模板",
    ),
  ),
  on(routes.startRiskSourceExportRoute, async ({ caller, scope, body }) => ({
    status: 202,
    body: await startExport(caller, scope, body),
  })),
  on(routes.riskSourceExportRoute, async ({ caller, params }) => ({
    body: await readExport(caller, params.id),
  })),
  importStart(routes.startRiskSourceImportRoute, "riskSources"),
  importRead(routes.riskSourceImportRoute, "riskSources"),
  importStart(routes.startCensusImportRoute, "census"),
  importRead(routes.censusImportRoute, "census"),
  importStart(routes.startStandardizationImportRoute, "standardization"),
  importRead(routes.standardizationImportRoute, "standardization"),
]);
