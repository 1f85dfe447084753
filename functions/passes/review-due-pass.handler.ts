import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { readinessPlan } from "../readiness/readiness-warnings.ts";
import { reviewDuePass } from "./manifest.ts";
import { startDatedPass } from "./pass-messages.ts";
import { reviewDuePlan } from "./review-due.ts";

/**
 * The daily review-due pass's orchestrator: starts today's pass and, the same morning, the
 * readiness check's (major sources without their plan or a drill in 12 months, domain.md §5);
 * their district × shard segments run on the `passes` queue (on AWS, several at once). A retry
 * the same day finds the passes and queues nothing twice.
 */
export const handler = scheduleHandler(reviewDuePass, async (event) => {
  const store = functionStore();
  const now = new Date(event.time ?? Date.now());
  await startDatedPass(store, reviewDuePlan(store, now), "review-due-segment", now);
  await startDatedPass(store, readinessPlan(store, now), "readiness-segment", now);
});
