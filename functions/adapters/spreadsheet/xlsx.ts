import ExcelJS from "exceljs";
import { cellText } from "./cell-text.ts";
import type { CellValue, Column } from "./spreadsheet.ts";
import { MAX_DATA_ROWS, tooManyRows, unreadable } from "./spreadsheet-errors.ts";

/** The rows of the first worksheet, header first, as text (see `cellText`). */
export async function readXlsxTable(file: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of the bytes is one (files are ≤ 1 MB).
    await workbook.xlsx.load(file.slice().buffer);
  } catch {
    throw unreadable("xlsx");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable("xlsx");
  // Checked before the cells are converted; the exact count of non-empty data rows follows later.
  if (sheet.actualRowCount - 1 > MAX_DATA_ROWS) throw tooManyRows(sheet.actualRowCount - 1);

  const width = sheet.getRow(1).cellCount;
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
    table.push(cells);
  });
  return table;
}

/** An .xlsx with one worksheet: a bold, frozen header row, numbers as numbers, nulls as blanks. */
export async function writeXlsx(
  sheetName: string,
  columns: readonly Column[],
  rows: readonly Record<string, CellValue>[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    header: column.label,
    key: column.key,
    width: columnWidth(column, rows),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => row[column.key] ?? null));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Excel's rules: at most 31 characters, none of `[]:*?/\`, not blank. */
function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "_")
    .trim()
    .slice(0, 31);
  return cleaned || "Sheet1";
}

/** Wide enough for the longest value, CJK characters counting double; between 8 and 60. */
function columnWidth(column: Column, rows: readonly Record<string, CellValue>[]): number {
  const widths = [column.label, ...rows.map((row) => String(row[column.key] ?? ""))].map((text) =>
    [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e7f ? 2 : 1), 0),
  );
  return Math.min(60, Math.max(8, ...widths) + 2);
}
