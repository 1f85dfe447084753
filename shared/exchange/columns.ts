import type { Bilingual } from "../errors.ts";
import type { RowError } from "./import-job.ts";

export type Cell = string | number | null;

/**
 * One column of an exchange sheet, the single definition the template, the import parser and
 * the export all read: where its value sits in the record (`path`), how a cell's text becomes
 * that value and how the value is written back to a cell.
 */
export interface ColumnSpec {
  /** English key: the template's key row, and the `path` of row errors. */
  key: string;
  /** Chinese header as users read it. */
  label: string;
  path: readonly string[];
  /** Text → value; `undefined` leaves the field out (the schema decides if it is required). */
  parse: (text: string) => unknown;
  /** Value → cell, for exports. */
  format: (value: unknown) => Cell;
  /** The template's example cell. */
  example: string;
  /** What a valid cell looks like, for row errors ("应为 11 位手机号…"); see row-error-text.ts. */
  rule?: Bilingual;
}

/** Rows whose name cell starts with this are the template's example and are not imported. */
export const EXAMPLE_MARK = "【示例】";

/** Cells separated by ；/; (and line breaks), trimmed, empty ones dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[;；\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

export const optionalText = (text: string): string | undefined => {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
};

/** A number when the text is one; otherwise the text itself so the schema names the problem. */
export function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

export const textCell = (value: unknown): Cell =>
  typeof value === "string" || typeof value === "number" ? value : null;

export const listCell = (value: unknown): Cell =>
  Array.isArray(value) ? value.map(String).join("；") : null;

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (next === undefined || next === null || typeof next !== "object") node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

export function valueAt(source: unknown, path: readonly string[]): unknown {
  let node = source;
  for (const part of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Header → column, by Chinese label or English key (case-insensitive). */
export function resolveHeaders(
  columns: readonly ColumnSpec[],
  headers: readonly string[],
): Map<ColumnSpec, string> {
  const found = new Map<ColumnSpec, string>();
  for (const column of columns) {
    const header = headers.find(
      (h) => h === column.label || h.toLowerCase() === column.key.toLowerCase(),
    );
    if (header !== undefined) found.set(column, header);
  }
  return found;
}

/** The template's key row: every known column holds its own key. */
export function isKeyRow(mapped: Map<ColumnSpec, string>, row: Record<string, string>): boolean {
  // With no known column mapped, no row is a key row (the run then reports the missing headers).
  return (
    mapped.size > 0 &&
    [...mapped].every(([column, header]) => (row[header] ?? "").trim() === column.key)
  );
}

/** The record a row describes; cells of unknown headers are ignored. */
export function recordOfRow(
  mapped: Map<ColumnSpec, string>,
  row: Record<string, string>,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, header] of mapped) {
    const value = column.parse(row[header] ?? "");
    if (value !== undefined) setAt(record, column.path, value);
  }
  return record;
}

/** One sheet row per record, keyed by column key (for `writeRows`). */
export function cellsOf(columns: readonly ColumnSpec[], record: unknown): Record<string, Cell> {
  return Object.fromEntries(columns.map((c) => [c.key, c.format(valueAt(record, c.path))]));
}

/** The column a schema issue's path points into (either may be the longer one). */
export function columnOfPath(columns: readonly ColumnSpec[], path: string): ColumnSpec | undefined {
  return columns.find((column) => {
    const own = column.path.join(".");
    return own === path || own.startsWith(`${path}.`) || path.startsWith(`${own}.`);
  });
}

/** A row error on a column (or on the whole row when `column` is undefined). */
export function rowError(
  row: number,
  column: ColumnSpec | undefined,
  code: string,
  message: Bilingual,
): RowError {
  return { row, path: column?.key ?? "row", column: column?.label ?? "", code, message };
}

/** Field issues (zh/en, as the HTTP edge words them) turned into row errors by column. */
export function rowErrorsOf(
  columns: readonly ColumnSpec[],
  row: number,
  issues: readonly { path: string; code: string; message: Bilingual }[],
): RowError[] {
  return issues.map((issue) =>
    rowError(row, columnOfPath(columns, issue.path), issue.code, issue.message),
  );
}
