import type { SpreadsheetFormat } from "../../api/registry/imports.ts";

/** The request body is limited to 1 MB; base64 adds a third, so files stay under ~700 KB. */
export const MAX_FILE_BYTES = 700 * 1024;

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
