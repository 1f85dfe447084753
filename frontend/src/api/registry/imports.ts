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

/** The risk sources in reach, narrowed by the listing's filters, as a spreadsheet. */
export function exportRiskSources(
  client: HttpClient,
  format: SpreadsheetFormat,
  filters: Readonly<Record<string, string | undefined>>,
): Promise<DownloadedFile> {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return download(client, `${BASE}/export?${query}`, `risk-sources.${format}`);
}
