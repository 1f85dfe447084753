import { isLanguage, type LocalizedText, pickText } from "../i18n/languages.ts";

/** One field-level failure: `message` in the request's language, `text` in both when sent so. */
export interface ProblemField {
  path: string;
  code?: string;
  message: string;
  text?: LocalizedText;
}

/** An RFC 9457 problem document as the CityRisk APIs return it (`application/problem+json`). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** The domain error code, e.g. `riskSource.notFound`. */
  code?: string;
  /** Field-level failures of a 400, each with its path in the request. */
  errors?: ProblemField[];
}

/** A non-2xx answer from the API; `problem` is set when the body was a problem document. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/** The request never got an HTTP answer (offline, DNS, CORS, aborted proxy). */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

/** A field message as the API sends it, `{zh, en}`, kept whole; undefined for plain text. */
function localized(value: unknown): LocalizedText | undefined {
  if (!isRecord(value)) return undefined;
  const zh = text(value.zh) ?? text(value.en);
  const en = text(value.en) ?? text(value.zh);
  return zh !== undefined && en !== undefined ? { zh, en } : undefined;
}

/** Reads a problem document from a parsed body, tolerating missing members. */
export function toProblem(body: unknown, language?: string): ProblemDetails | undefined {
  if (!isRecord(body)) return undefined;
  const problem: ProblemDetails = {};
  const type = text(body.type);
  const title = text(body.title);
  const detail = text(body.detail);
  const instance = text(body.instance);
  const code = text(body.code);
  if (type) problem.type = type;
  if (title) problem.title = title;
  if (detail) problem.detail = detail;
  if (instance) problem.instance = instance;
  if (code) problem.code = code;
  if (typeof body.status === "number") problem.status = body.status;
  if (Array.isArray(body.errors)) {
    problem.errors = body.errors.filter(isRecord).map((e) => {
      const code = text(e.code);
      const both = localized(e.message);
      const message = both
        ? pickText(both, isLanguage(language) ? language : "zh-CN")
        : (text(e.message) ?? "");
      return {
        path: text(e.path) ?? "",
        ...(code ? { code } : {}),
        message,
        ...(both ? { text: both } : {}),
      };
    });
  }
  return problem;
}
