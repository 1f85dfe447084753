import type { TFunction } from "i18next";
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
