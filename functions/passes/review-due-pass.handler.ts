import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { reviewDuePass } from "./manifest.ts";
import { runPass } from "./pass-runner.ts";
import { reviewDuePlan } from "./review-due.ts";

/**
 * Runs today's pass from its checkpoints. A run cut off by the timeout leaves them saved; the
 * next invocation (a retry, or tomorrow's schedule for the rest) resumes, announcing nobody twice.
 */
export const handler = scheduleHandler(reviewDuePass, async () => {
  const store = functionStore();
  await runPass(store, reviewDuePlan(store, new Date()), () => new Date());
});
