import { WEBHOOK_TIMEOUT_MS } from "../../../shared/webhooks/retry-schedule.ts";

/** What a receiver answered, or why there was no answer. */
export interface SendResult {
  statusCode?: number;
  retryAfter?: string;
  error?: string;
}

export type Send = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<SendResult>;

/**
 * Posts a webhook. Redirects are not followed (a 3xx is a failure): following one would let a
 * public host bounce the request to a private address past the SSRF guard. The answer's body is
 * not read beyond what closing the connection needs.
 */
export const postWebhook: Send = async (url, headers, body) => {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { ...headers, "user-agent": "CityRisk-Webhooks/1" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    const retryAfter = response.headers.get("retry-after");
    return { statusCode: response.status, ...(retryAfter ? { retryAfter } : {}) };
  } catch (error) {
    const e = error as Error;
    const cause = e.cause instanceof Error ? `: ${e.cause.message}` : "";
    return {
      error:
        e.name === "TimeoutError"
          ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
          : `${e.message}${cause}`,
    };
  }
};
