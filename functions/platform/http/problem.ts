import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type * as z from "zod";
import { en, zhCN } from "zod/locales";
import {
  type Bilingual,
  DomainError,
  type FieldIssue,
  ServiceUnavailableError,
  statusOf,
  TooManyRequestsError,
} from "../../../shared/errors.ts";

export type Language = "zh" | "en";

/** zh-CN unless the caller prefers English first (`Accept-Language: en...`). */
export function languageOf(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith("en") ? "en" : "zh";
}

export interface ProblemInput {
  status: number;
  code: string;
  title: Bilingual;
  issues?: readonly FieldIssue[];
  instance?: string;
  headers?: Record<string, string>;
}

/** The RFC 9457 body of a problem (also one result of a batch, e.g. batch review). */
export function problemBody(problem: ProblemInput, language: Language) {
  return {
    type: `https://cityrisk.dev/problems/${problem.code}`,
    title: problem.title[language],
    status: problem.status,
    code: problem.code,
    ...(problem.instance ? { instance: problem.instance } : {}),
    ...(problem.issues && problem.issues.length > 0 ? { errors: problem.issues } : {}),
  };
}

export function problemResponse(
  problem: ProblemInput,
  language: Language,
): APIGatewayProxyStructuredResultV2 {
  const body = problemBody(problem, language);
  return {
    statusCode: problem.status,
    headers: { "content-type": "application/problem+json", ...problem.headers },
    body: JSON.stringify(body),
  };
}

export function problemFromDomainError(error: DomainError): ProblemInput {
  return {
    status: statusOf(error.code),
    code: error.code,
    title: error.title,
    issues: error.issues,
    ...(error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError
      ? { headers: { "retry-after": String(error.retryAfterSeconds) } }
      : {}),
  };
}

const zhLocale = zhCN();
const enLocale = en();

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function localise(locale: ReturnType<typeof en>, issue: z.core.$ZodIssue, input: unknown): string {
  const raw = { ...issue, input: valueAt(input, issue.path) } as unknown as z.core.$ZodRawIssue;
  const message = locale.localeError(raw);
  return typeof message === "string" ? message : (message?.message ?? issue.message);
}

/**
 * A schema's own message written "中文 / English" (refinements, patterns, limits): a person
 * reads that rather than the validator's generic text, which would show a regular expression.
 */
function ownMessage(issue: z.core.$ZodIssue): Bilingual | undefined {
  const [zh, en, ...rest] = issue.message.split(" / ");
  return zh && en && rest.length === 0 ? { zh, en } : undefined;
}

/** Field-level issues from a zod error, with messages in both languages. */
export function issuesFromZod(error: z.ZodError, input: unknown, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    const allowed = "values" in issue && Array.isArray(issue.values) ? issue.values : undefined;
    return {
      path,
      code: issue.code,
      message: ownMessage(issue) ?? {
        zh: localise(zhLocale, issue, input),
        en: localise(enLocale, issue, input),
      },
      ...(allowed ? { allowed: allowed as (string | number)[] } : {}),
    };
  });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
