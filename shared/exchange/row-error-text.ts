import type * as z from "zod";
import type { Bilingual } from "../errors.ts";
import { type ColumnSpec, columnOfPath, rowError } from "./columns.ts";
import type { RowError } from "./import-job.ts";

/** How many allowed values a message lists before it says "…". */
const LISTED_VALUES = 8;

const join = (values: readonly unknown[], separator: string) => {
  const shown = values.slice(0, LISTED_VALUES).map(String).join(separator);
  return values.length > LISTED_VALUES ? `${shown}${separator}…` : shown;
};

/** The column as a person reads it: its Chinese header; in English, the key row's key too. */
function names(column: ColumnSpec | undefined, path: string): Bilingual {
  if (!column) return { zh: `字段 ${path}`, en: `Field ${path}` };
  return { zh: column.label, en: `${column.label} (${column.key})` };
}

function wrongValue(column: ColumnSpec | undefined, name: Bilingual): Bilingual {
  return column?.rule
    ? {
        zh: `${name.zh}格式不正确：${column.rule.zh}`,
        en: `${name.en} is invalid: ${column.rule.en}`,
      }
    : { zh: `${name.zh}格式不正确`, en: `${name.en} is invalid` };
}

/**
 * One schema issue of an import row in words of the column and its rule, e.g. "联系电话格式不正确：
 * 应为 11 位手机号或带区号的固定电话" — never the validator's own text ("期望 string，实际接收
 * undefined") or a regular expression. The column's `rule` says what a valid cell looks like;
 * lengths, ranges and allowed values come from the issue itself.
 */
export function rowIssueText(
  column: ColumnSpec | undefined,
  issue: z.core.$ZodIssue,
  value: unknown,
): Bilingual {
  const name = names(column, issue.path.join("."));
  const missing = value === undefined || value === null || value === "";
  switch (issue.code) {
    case "invalid_type":
      return missing
        ? { zh: `${name.zh}未填写：此列必填`, en: `${name.en} is missing: the column is required` }
        : wrongValue(column, name);
    case "too_big":
      if (issue.origin === "string") {
        return {
          zh: `${name.zh}过长：最多 ${issue.maximum} 个字符`,
          en: `${name.en} is too long: at most ${issue.maximum} characters`,
        };
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return {
          zh: `${name.zh}项数过多：最多 ${issue.maximum} 项`,
          en: `${name.en} has too many entries: at most ${issue.maximum}`,
        };
      }
      return column?.rule
        ? wrongValue(column, name)
        : {
            zh: `${name.zh}超出范围：应不大于 ${issue.maximum}`,
            en: `${name.en} is out of range: at most ${issue.maximum}`,
          };
    case "too_small":
      if (issue.origin === "string" || issue.origin === "array" || issue.origin === "set") {
        return Number(issue.minimum) <= 1
          ? {
              zh: `${name.zh}未填写：此列必填`,
              en: `${name.en} is missing: the column is required`,
            }
          : {
              zh: `${name.zh}过短：至少 ${issue.minimum} 个字符`,
              en: `${name.en} is too short: at least ${issue.minimum} characters`,
            };
      }
      return column?.rule
        ? wrongValue(column, name)
        : {
            zh: `${name.zh}超出范围：应不小于 ${issue.minimum}`,
            en: `${name.en} is out of range: at least ${issue.minimum}`,
          };
    case "invalid_value":
      return column?.rule
        ? wrongValue(column, name)
        : {
            zh: `${name.zh}取值无效：应为 ${join(issue.values, "、")} 之一`,
            en: `${name.en} is not allowed: expected one of ${join(issue.values, ", ")}`,
          };
    case "unrecognized_keys":
      return {
        zh: `表格含有无法识别的列：${issue.keys.join("、")}`,
        en: `The sheet has unknown columns: ${issue.keys.join(", ")}`,
      };
    default:
      return wrongValue(column, name);
  }
}

function valueAtPath(record: unknown, path: readonly PropertyKey[]): unknown {
  let node = record;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * A row's schema issues as row errors by column, worded by `rowIssueText`. An array issue
 * (`accidentTypes.1`) is reported on its column with the cell's value.
 */
export function rowErrorsFromZod(
  columns: readonly ColumnSpec[],
  row: number,
  error: z.ZodError,
  record: unknown,
): RowError[] {
  return error.issues.map((issue) => {
    const column = columnOfPath(columns, issue.path.map(String).join("."));
    const value = valueAtPath(record, issue.path);
    return rowError(row, column, issue.code, rowIssueText(column, issue, value));
  });
}
