import type { FormInstance } from "antd";
import { ApiError } from "../api/problem.ts";

/**
 * Puts the field-level problems of a 400 (`body.principal.phone` …) on the form's fields;
 * returns false when the error carried none, so the caller shows it as a message instead.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  const fields = (error.problem?.errors ?? [])
    .filter((e) => e.path.startsWith("body."))
    .map((e) => ({ name: e.path.slice("body.".length).split("."), errors: [e.message] }));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
