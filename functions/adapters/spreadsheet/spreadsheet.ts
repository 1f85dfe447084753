import { readCsvTable, writeCsv } from "./csv.ts";
import {
  fileIssue,
  fileTooLarge,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  tooManyRows,
} from "./spreadsheet-errors.ts";
import { readXlsxTable, writeXlsx } from "./xlsx.ts";

export type SpreadsheetFormat = "csv" | "xlsx";
export type CellValue = string | number | null;

/** A column of an export: `key` into each row, `label` as the header users read. */
export interface Column {
  key: string;
  label: string;
}

export interface SheetRows {
  /** The header row's labels, trimmed, in file order. */
  headers: string[];
  /** One record per non-empty data row, keyed by header; empty cells are `""`. */
  rows: Record<string, string>[];
}

/**
 * Reads an uploaded CSV or the first worksheet of an .xlsx: the first row is the header, every
 * value is text. Columns with an empty header are ignored, blank rows skipped. Rejects files
 * over 1 MB, more than 5,000 data rows, unreadable files and duplicate or missing headers with a
 * `ValidationError` on `file`.
 */
export async function readRows(file: Uint8Array, format: SpreadsheetFormat): Promise<SheetRows> {
  if (file.byteLength > MAX_FILE_BYTES) throw fileTooLarge(file.byteLength);
  const table = format === "csv" ? readCsvTable(file) : await readXlsxTable(file);
  return rowsOf(table);
}

/** A CSV (UTF-8 with BOM) or .xlsx file with a header row of labels and one row per record. */
export async function writeRows(
  format: SpreadsheetFormat,
  sheetName: string,
  headers: readonly Column[],
  rows: readonly Record<string, CellValue>[],
): Promise<Uint8Array> {
  return format === "csv" ? writeCsv(headers, rows) : writeXlsx(sheetName, headers, rows);
}

function rowsOf(table: readonly string[][]): SheetRows {
  const [headerRow = [], ...body] = table;
  const columns = headerRow
    .map((label, index) => ({ label: label.trim(), index }))
    .filter((column) => column.label !== "");
  if (columns.length === 0)
    throw fileIssue("missing_header", {
      zh: "第一行应为表头，但它是空的",
      en: "The first row must be the header row, but it is empty",
    });
  const seen = new Set<string>();
  for (const { label } of columns) {
    if (seen.has(label))
      throw fileIssue("duplicate_header", {
        zh: `表头“${label}”出现了不止一次`,
        en: `The header "${label}" appears more than once`,
      });
    seen.add(label);
  }

  const dataRows = body.filter((cells) =>
    columns.some(({ index }) => (cells[index] ?? "").trim() !== ""),
  );
  if (dataRows.length > MAX_DATA_ROWS) throw tooManyRows(dataRows.length);
  return {
    headers: columns.map((column) => column.label),
    rows: dataRows.map((cells) =>
      Object.fromEntries(columns.map(({ label, index }) => [label, cells[index] ?? ""])),
    ),
  };
}
