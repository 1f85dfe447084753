import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { raiseReadinessGaps } from "../readiness/readiness-warnings.ts";
import { reviewDuePass } from "./manifest.ts";
import { runPass } from "./pass-runner.ts";
import { reviewDuePlan } from "./review-due.ts";

/**
 * Runs today's pass from its checkpoints. A run cut off by the timeout leaves them saved; the
 * next invocation (a retry, or tomorrow's schedule for the rest) resumes, announcing nobody twice.
 * The readiness check follows: idempotent per source (a live warning is not raised again).
 */
export const handler = scheduleHandler(reviewDuePass, async (event) => {
  const store = functionStore();
  const now = new Date(event.time ?? Date.now());
  await runPass(store, reviewDuePlan(store, now), () => new Date());
  // The same morning: major sources without their plan or a drill in 12 months (domain.md §5).
  await raiseReadinessGaps(store, now);
});
