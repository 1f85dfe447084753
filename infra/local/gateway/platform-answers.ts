import { languageOf, problemResponse } from "../../../functions/platform/http/problem.ts";
import type { Bilingual } from "../../../shared/errors.ts";
import { type HttpReply, replyFromResult } from "./payload-v2.ts";

/**
 * API Gateway's HTTP API gives up on an integration after 30 s whatever the function's timeout.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export const INTEGRATION_TIMEOUT_SECONDS = 30;

/**
 * What the platform answers when no handler does. API Gateway answers these with its own
 * `{"message": ...}` bodies (see the README, "Idempotency and platform answers"); locally they
 * are RFC 9457 problems like every other error of the API, with the same statuses.
 */
const ANSWERS = {
  /** The function ran past its timeout (Lambda ends it; API Gateway answers 500). */
  functionTimedOut: {
    status: 500,
    code: "gateway.functionTimedOut",
    title: { zh: "请求处理超时，请稍后重试", en: "The request timed out; retry later" },
  },
  /** No answer within the integration timeout (API Gateway answers 503). */
  integrationTimedOut: {
    status: 503,
    code: "gateway.integrationTimedOut",
    title: { zh: "网关等待响应超时，请稍后重试", en: "The gateway timed out; retry later" },
  },
  /** The function threw or returned no result API Gateway can read (500). */
  functionFailed: {
    status: 500,
    code: "gateway.functionFailed",
    title: { zh: "服务器内部错误", en: "Internal server error" },
  },
  /** The Lambda authorizer threw, timed out or answered nonsense (500). */
  authorizerFailed: {
    status: 500,
    code: "gateway.authorizerFailed",
    title: { zh: "身份验证服务出错，请稍后重试", en: "The authorizer failed; retry later" },
  },
} as const satisfies Record<string, { status: number; code: string; title: Bilingual }>;

export type PlatformAnswer = keyof typeof ANSWERS;

export function platformProblem(
  answer: PlatformAnswer,
  request: { acceptLanguage: string | undefined; path: string },
): HttpReply {
  return replyFromResult(
    problemResponse(
      { ...ANSWERS[answer], instance: request.path },
      languageOf(request.acceptLanguage),
    ),
  );
}

export const TIMED_OUT: unique symbol = Symbol("timed out");

/** The promise's value, or `TIMED_OUT` after `ms`; the work itself goes on (no process to end). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
