import { exchangeContract } from "../../../../shared/contracts/exchange.ts";
import type { ExportJob } from "../../../../shared/exchange/export-job.ts";
import type { ImportKind, ImportRequest } from "../../../../shared/exchange/import-job.ts";
import { callRoute, downloadRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";
import { newIdempotencyKey } from "./etag.ts";

export type {
  ImportJob,
  ImportKind,
  ImportRequest,
  RowError,
} from "../../../../shared/exchange/import-job.ts";

export type SpreadsheetFormat = ImportRequest["format"];

/** Each kind of import is a pair of routes of the same shape: start a job, read it. */
const IMPORT_ROUTES = {
  riskSources: {
    start: exchangeContract.startRiskSourceImport,
    read: exchangeContract.riskSourceImport,
  },
  census: { start: exchangeContract.startCensusImport, read: exchangeContract.censusImport },
  standardization: {
    start: exchangeContract.startStandardizationImport,
    read: exchangeContract.standardizationImport,
  },
} as const satisfies Record<ImportKind, unknown>;

/** Queues an import job (202); the file travels base64-encoded in the body. */
export function startImport(client: HttpClient, request: ImportRequest, kind: ImportKind) {
  return callRoute(client, IMPORT_ROUTES[kind].start, {
    body: request,
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}

export function fetchImport(
  client: HttpClient,
  kind: ImportKind,
  id: string,
  signal?: AbortSignal,
) {
  return callRoute(client, IMPORT_ROUTES[kind].read, {
    params: { id },
    ...(signal ? { signal } : {}),
  });
}

/** A file the API sends for download, with the name it suggests. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

function fileNameOf(headers: Headers, fallback: string): string {
  const disposition = headers.get("Content-Disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** The empty import template with its header row. */
export async function downloadImportTemplate(
  client: HttpClient,
  format: SpreadsheetFormat,
): Promise<DownloadedFile> {
  const response = await downloadRoute(client, exchangeContract.importTemplate, {
    query: { format },
  });
  return {
    blob: response.body,
    fileName: fileNameOf(response.headers, `risk-source-template.${format}`),
  };
}

/**
 * Exports the risk sources in reach, narrowed by the listing's filters: starts an export job,
 * polls it until the file is written to storage, and answers its presigned download link.
 */
export async function exportRiskSources(
  client: HttpClient,
  format: SpreadsheetFormat,
  filters: Readonly<Record<string, string | undefined>>,
  options: { signal?: AbortSignal; intervalMs?: number } = {},
): Promise<NonNullable<ExportJob["download"]>> {
  // An empty filter means "any": it is left out rather than sent as "".
  const chosen = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  const started = await callRoute(client, exchangeContract.startRiskSourceExport, {
    body: { ...chosen, format },
  });
  for (;;) {
    const job = await callRoute(client, exchangeContract.riskSourceExport, {
      params: { id: started.id },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (job.status === "done" && job.download) return job.download;
    if (job.status === "failed") throw new ExportFailedError(job.reason);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
}

/** An export job that ended `failed`, with the server's reason. */
export class ExportFailedError extends Error {
  constructor(readonly reason: ExportJob["reason"]) {
    super(reason?.en ?? "The export failed");
  }
}
