import { PreconditionFailedError, PreconditionRequiredError } from "../../../shared/errors.ts";

/** Strong entity tag of a stored record: its optimistic-lock version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an update expects, from `If-Match`. Missing → 428 (edits must be detectable);
 * not a tag this API issued → 412.
 */
export function expectedVersion(headers: Readonly<Record<string, string | undefined>>): number {
  const header = headers["if-match"];
  if (header === undefined) {
    throw new PreconditionRequiredError({
      zh: "修改须携带 If-Match 请求头（取自读取时的 ETag）",
      en: "Send If-Match with the ETag you read",
    });
  }
  const match = /^(?:W\/)?"(\d{1,10})"$/.exec(header.trim());
  if (!match) throw staleVersion();
  return Number(match[1]);
}

export function staleVersion(): PreconditionFailedError {
  return new PreconditionFailedError({
    zh: "数据已被他人修改，请刷新后重试",
    en: "The record changed since you read it; reload and retry",
  });
}
