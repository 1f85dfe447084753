/**
 * The text of an exceljs cell value as a reader of the sheet sees it: rich text joined, formulas
 * as their cached result, hyperlinks as their text, dates as ISO 8601 (`2024-05-01` when the
 * time is midnight, else the full UTC timestamp), booleans as Excel writes them (`TRUE`/`FALSE`).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value && Array.isArray(value.richText))
    return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join("");
  if ("formula" in value || "sharedFormula" in value)
    return "result" in value ? cellText(value.result) : "";
  if ("hyperlink" in value) return "text" in value ? cellText(value.text) : "";
  if ("error" in value) return cellText(value.error);
  return "";
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
