import { type Bilingual, ValidationError } from "../../../shared/errors.ts";
import {
  fileTooLargeText,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
} from "../../../shared/exchange/import-limits.ts";

/** Imports are capped so one request stays within a Lambda's memory and time. */
export const MAX_FILE_BYTES = MAX_IMPORT_FILE_BYTES;
export const MAX_DATA_ROWS = MAX_IMPORT_ROWS;

const TITLE: Bilingual = {
  zh: "上传的表格无法导入",
  en: "The uploaded spreadsheet cannot be imported",
};

/** A `ValidationError` with one issue on the request's `file`. */
export function fileIssue(code: string, message: Bilingual): ValidationError {
  return new ValidationError(TITLE, [{ path: "file", code, message }]);
}

export function fileTooLarge(bytes: number): ValidationError {
  return fileIssue("too_big", fileTooLargeText(bytes));
}

export function tooManyRows(rows: number): ValidationError {
  return fileIssue("too_many_rows", {
    zh: `表格有 ${rows} 行数据，超过 ${MAX_DATA_ROWS} 行上限，请分批导入`,
    en: `The sheet has ${rows} data rows; the limit is ${MAX_DATA_ROWS}, import it in parts`,
  });
}

export function unreadable(format: string, line?: number): ValidationError {
  const name = format.toUpperCase();
  return fileIssue("invalid_format", {
    zh: line ? `无法读取 ${name} 文件：第 ${line} 行格式有误` : `无法读取 ${name} 文件`,
    en: line
      ? `The file is not a readable ${name} file: malformed at line ${line}`
      : `The file is not a readable ${name} file`,
  });
}
