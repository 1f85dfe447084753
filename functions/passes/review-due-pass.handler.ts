import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { raiseReadinessGaps } from "../readiness/readiness-warnings.ts";
import { reviewDuePass } from "./manifest.ts";
import { startDatedPass } from "./pass-messages.ts";
import { reviewDuePlan } from "./review-due.ts";

/**
 * The daily review-due pass's orchestrator: starts today's pass, whose district × shard segments
 * run on the `passes` queue (on AWS, several at once). A retry the same day finds the pass and
 * queues nothing twice. The readiness check follows: idempotent per source (a live warning is
 * not raised again).
 */
export const handler = scheduleHandler(reviewDuePass, async (event) => {
  const store = functionStore();
  const now = new Date(event.time ?? Date.now());
  await startDatedPass(store, reviewDuePlan(store, now), "review-due-segment", now);
  // The same morning: major sources without their plan or a drill in 12 months (domain.md §5).
  await raiseReadinessGaps(store, now);
});
