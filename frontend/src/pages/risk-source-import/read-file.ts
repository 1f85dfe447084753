import type { SpreadsheetFormat } from "../../api/registry/imports.ts";

/** The server's limit (shared/exchange/import-limits.ts), checked before the upload. */
export { MAX_IMPORT_FILE_BYTES as MAX_FILE_BYTES } from "../../../../shared/exchange/import-limits.ts";

export function formatOf(fileName: string): SpreadsheetFormat | undefined {
  const extension = fileName.toLowerCase().split(".").pop();
  return extension === "csv" || extension === "xlsx" ? extension : undefined;
}

/** The file's bytes as base64 (no `data:` prefix). */
export async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
