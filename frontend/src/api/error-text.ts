import type { TFunction } from "i18next";
import { type Language, pickText } from "../i18n/languages.ts";
import { ApiError, NetworkError } from "./problem.ts";

/** The sentence shown to the user for a failed call: the problem's detail, else a generic text. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const { problem } = error;
    const fields = problem?.errors?.map((e) => `${e.path}: ${e.message}`).join("; ");
    const main =
      problem?.detail ?? problem?.title ?? t("errors.requestFailed", { status: error.status });
    return fields ? `${main} (${fields})` : main;
  }
  if (error instanceof NetworkError) return t("errors.network");
  return error instanceof Error ? error.message : String(error);
}

/** A failed load as a heading (the problem's title) and its field messages, read in `language`. */
export function errorParts(
  error: unknown,
  t: TFunction,
  language: Language,
): { title: string; details: string[] } {
  if (!(error instanceof ApiError)) return { title: errorText(error, t), details: [] };
  const { problem } = error;
  const title = problem?.title ?? t("errors.requestFailed", { status: error.status });
  const fields = (problem?.errors ?? []).map((e) => {
    const message = e.text ? pickText(e.text, language) : e.message;
    return e.path ? `${e.path}: ${message}` : message;
  });
  return { title, details: problem?.detail ? [problem.detail, ...fields] : fields };
}
