import type { ColumnSpec } from "../../shared/exchange/columns.ts";
import { type SpreadsheetFormat, writeRows } from "../adapters/spreadsheet/spreadsheet.ts";

/**
 * A template sheet: Chinese headers, then a row of the English keys (recognised and skipped on
 * import), then an example row (marked 【示例】, also skipped).
 */
export function templateFile(
  format: SpreadsheetFormat,
  sheetName: string,
  columns: readonly ColumnSpec[],
): Promise<Uint8Array> {
  const keys = Object.fromEntries(columns.map((c) => [c.key, c.key]));
  const example = Object.fromEntries(columns.map((c) => [c.key, c.example]));
  return writeRows(
    format,
    sheetName,
    columns.map(({ key, label }) => ({ key, label })),
    [keys, example],
  );
}
