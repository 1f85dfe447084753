import type * as z from "zod";
import { en, zhCN } from "zod/locales";
import { type Language, pickText } from "../../i18n/languages.ts";

/** An antd `form.setFields` entry. */
export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

export type Validation<T> =
  | { ok: true; data: T }
  | { ok: false; fields: FieldError[]; general: string[] };

const LOCALES = { "zh-CN": zhCN(), en: en() } as const;

/** Where a path of the request body is shown in the form (see form-values.ts). */
function formName(path: readonly PropertyKey[]): (string | number)[][] {
  const [head, next] = path;
  if (head === "location") {
    return next === "lon" || next === "lat" ? [[next]] : [["lon"], ["lat"]];
  }
  if (head === "accidentTypes" || head === "hazardFactors") return [[head]];
  if (head === "controls" && typeof next === "string") return [["controls", next]];
  return path.length > 0 ? [path.map((p) => (typeof p === "number" ? p : String(p)))] : [];
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  if (issue.code === "too_small") return issue.minimum === 1;
  return issue.code === "invalid_type" && issue.input === undefined;
}

/**
 * Validates a request body with the route's own zod schema and turns the issues into form field
 * messages in the reader's language; issues on no field come back as `general`.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  body: unknown,
  language: Language,
  required: string,
): Validation<z.infer<S>> {
  const result = schema.safeParse(body, {
    error: LOCALES[language].localeError,
    reportInput: true,
  });
  if (result.success) return { ok: true, data: result.data };
  const byName = new Map<string, FieldError>();
  const general: string[] = [];
  for (const issue of result.error.issues) {
    const text = isMissing(issue) ? required : pickText(issue.message, language);
    const names = formName(issue.path);
    if (names.length === 0) general.push(text);
    for (const name of names) {
      const key = name.join(".");
      const entry = byName.get(key) ?? { name, errors: [] };
      if (!entry.errors.includes(text)) entry.errors.push(text);
      byName.set(key, entry);
    }
  }
  return { ok: false, fields: [...byName.values()], general };
}

/** The API's field issues (paths such as `body.supervision.street`) as form field messages. */
export function fieldErrorsFromApi(
  errors: readonly { path: string; message: string }[] | undefined,
): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors ?? []) {
    const path = error.path
      .replace(/^body\.?/, "")
      .split(".")
      .filter(Boolean);
    const segments = path.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (const name of formName(segments)) fields.push({ name, errors: [error.message] });
  }
  return fields;
}

/** The leaf field names of an antd `onValuesChange` diff, e.g. `["supervision", "street"]`. */
export function changedFieldNames(changed: object, prefix: string[] = []): string[][] {
  return Object.entries(changed).flatMap(([key, value]) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? changedFieldNames(value, [...prefix, key])
      : [[...prefix, key]],
  );
}
