import type { ExportJob } from "../../../../shared/exchange/export-job.ts";
import type {
  ImportJob,
  ImportRequest,
  ImportStatus,
} from "../../../../shared/exchange/import-job.ts";
import type { HttpClient } from "../http-client.ts";
import { newIdempotencyKey } from "./etag.ts";

export type { ImportJob, ImportRequest, RowError } from "../../../../shared/exchange/import-job.ts";

export type SpreadsheetFormat = ImportRequest["format"];

const BASE = "/api/v1/risk-sources";

/** Queues an import job (202); the file travels base64-encoded in the body. */
export function startImport(
  client: HttpClient,
  request: ImportRequest,
): Promise<{ id: string; status: ImportStatus }> {
  return client.request(`${BASE}/imports`, {
    method: "POST",
    body: request,
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}

export function fetchImport(
  client: HttpClient,
  id: string,
  signal?: AbortSignal,
): Promise<ImportJob> {
  return client.request<ImportJob>(
    `${BASE}/imports/${encodeURIComponent(id)}`,
    signal ? { signal } : {},
  );
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

async function download(
  client: HttpClient,
  path: string,
  fallback: string,
): Promise<DownloadedFile> {
  const response = await client.send<Blob>(path, { responseType: "blob" });
  return { blob: response.body, fileName: fileNameOf(response.headers, fallback) };
}

/** The empty import template with its header row. */
export function downloadImportTemplate(
  client: HttpClient,
  format: SpreadsheetFormat,
): Promise<DownloadedFile> {
  return download(
    client,
    `${BASE}/import-template?format=${format}`,
    `risk-source-template.${format}`,
  );
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
  const body: Record<string, string> = { format };
  for (const [key, value] of Object.entries(filters)) if (value) body[key] = value;
  const started = await client.request<{ id: string }>(`${BASE}/exports`, {
    method: "POST",
    body,
  });
  const path = `${BASE}/exports/${encodeURIComponent(started.id)}`;
  for (;;) {
    const job = await client.request<ExportJob>(
      path,
      options.signal ? { signal: options.signal } : {},
    );
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
