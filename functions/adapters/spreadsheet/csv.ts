import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { CellValue, Column } from "./spreadsheet.ts";
import { unreadable } from "./spreadsheet-errors.ts";

/**
 * Text of a CSV file: UTF-8 with or without BOM, else GB18030 — what Excel on a Chinese Windows
 * saves as plain "CSV" (GB18030 is a superset of GBK and GB2312).
 */
function decode(file: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(file);
  } catch {
    return new TextDecoder("gb18030").decode(file);
  }
}

/** The records of a CSV file, header first, as text. */
export function readCsvTable(file: Uint8Array): string[][] {
  try {
    return parse(decode(file), { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const line = error instanceof CsvError ? error.lines : undefined;
    throw unreadable("csv", typeof line === "number" ? line : undefined);
  }
}

/**
 * A CSV with a UTF-8 BOM (so Excel opens Chinese correctly) and CRLF line ends. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`,
 * per OWASP's CSV-injection advice; plain numbers are left alone.
 */
export function writeCsv(
  columns: readonly Column[],
  rows: readonly Record<string, CellValue>[],
): Uint8Array {
  const records = [
    columns.map((column) => column.label),
    ...rows.map((row) => columns.map((column) => csvCell(row[column.key]))),
  ];
  return new TextEncoder().encode(stringify(records, { bom: true, record_delimiter: "windows" }));
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}
