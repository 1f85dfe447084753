import type { Context } from "aws-lambda";

/**
 * Whether the invocation has less than `marginMs` left: a long task stops at a point it can
 * resume from instead of being cut off by the timeout. A context without a clock (a direct
 * call in a test) never runs out.
 */
export function runningOutOfTime(context: Context | undefined, marginMs: number): () => boolean {
  return () =>
    typeof context?.getRemainingTimeInMillis === "function" &&
    context.getRemainingTimeInMillis() < marginMs;
}
