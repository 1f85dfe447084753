import { exchangeContract } from "../../shared/contracts/exchange.ts";
import type { ImportKind, ImportRequest } from "../../shared/exchange/import-job.ts";
import { RISK_SOURCE_COLUMNS } from "../../shared/exchange/risk-source-columns.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { SpreadsheetFormat } from "../adapters/spreadsheet/spreadsheet.ts";
import {
  httpHandler,
  implement,
  type RouteContext,
  type RouteResult,
} from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { type HttpRoute, routeKey } from "../platform/manifest-types.ts";
import { readExport, startExport } from "./export-jobs.ts";
import { readJob, startImport } from "./import-jobs.ts";
import { templateFile } from "./import-template.ts";
import { exchangeApi } from "./manifest.ts";

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
): RouteResult<never> {
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
  route: HttpRoute,
  kind: ImportKind,
  {
    caller,
    body,
    headers,
  }: Pick<RouteContext<HttpRoute>, "headers"> & { caller: Caller; body: ImportRequest },
) {
  return idempotently(
    { tenantId: caller.tenantId, route: routeKey(route), headers, body },
    async () => ({
      status: 202,
      body: await startImport(caller, kind, body),
    }),
  );
}

async function importRead(kind: ImportKind, caller: Caller, id: string) {
  return { body: await readJob(caller, kind, id) };
}

export const handler = httpHandler(
  exchangeApi,
  implement(exchangeContract, {
    importTemplate: async ({ query }) =>
      download(
        await templateFile(query.format, "风险源导入模板", RISK_SOURCE_COLUMNS),
        query.format,
        "risk-source-import-template",
        "风险源导入模板",
      ),
    startRiskSourceExport: async ({ caller, scope, body }) => ({
      status: 202,
      body: await startExport(caller, scope, body),
    }),
    riskSourceExport: async ({ caller, params }) => ({
      body: await readExport(caller, params.id),
    }),
    startRiskSourceImport: (ctx) =>
      importStart(exchangeContract.startRiskSourceImport, "riskSources", ctx),
    riskSourceImport: ({ caller, params }) => importRead("riskSources", caller, params.id),
    startCensusImport: (ctx) => importStart(exchangeContract.startCensusImport, "census", ctx),
    censusImport: ({ caller, params }) => importRead("census", caller, params.id),
    startStandardizationImport: (ctx) =>
      importStart(exchangeContract.startStandardizationImport, "standardization", ctx),
    standardizationImport: ({ caller, params }) => importRead("standardization", caller, params.id),
  }),
);
