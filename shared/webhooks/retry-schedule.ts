/**
 * When a webhook delivery is tried (issue 11 item 7): at once, then 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h and 10 h after each failure. After the last, the message stays failed until replayed.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** A receiver must answer 2xx within this long, or the attempt failed. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/** An endpoint failing without a success for this long is disabled, with a notice to its owner. */
export const WEBHOOK_FAILING_DISABLE_MS = 5 * 24 * 3_600_000;

/** What one attempt's answer means for the delivery and its endpoint. */
export type AttemptOutcome =
  | { kind: "delivered" }
  | { kind: "gone" } // 410: the receiver asks us to stop; the endpoint is disabled
  | { kind: "failed"; retryAfterMs?: number };

/** Classifies a receiver's answer (or a network failure / timeout, as `status: undefined`). */
export function attemptOutcome(
  status: number | undefined,
  retryAfter?: string | null,
): AttemptOutcome {
  if (status !== undefined && status >= 200 && status < 300) return { kind: "delivered" };
  if (status === 410) return { kind: "gone" };
  const retryAfterMs = parseRetryAfter(retryAfter ?? undefined);
  return retryAfterMs === undefined ? { kind: "failed" } : { kind: "failed", retryAfterMs };
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined if unreadable. */
export function parseRetryAfter(value: string | undefined, now = new Date()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * When to try again after failed attempt number `attempts` (1-based), or null when the schedule
 * is spent. A receiver's Retry-After is honoured when it asks for longer than the schedule.
 */
export function nextAttemptAt(attempts: number, now: Date, retryAfterMs?: number): Date | null {
  const scheduled = WEBHOOK_RETRY_DELAYS_MS[attempts];
  if (scheduled === undefined) return null;
  return new Date(now.getTime() + Math.max(scheduled, retryAfterMs ?? 0));
}
