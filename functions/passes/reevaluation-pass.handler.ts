import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { reevaluationSweep } from "./manifest.ts";
import { startReevaluation, sweepStart } from "./reevaluation-run.ts";

/**
 * The daily sweep's orchestrator: starts today's city-wide pass over every profile, which catches
 * any source a lost trigger left on an old or retired version; its segments run on the queue.
 */
export const handler = scheduleHandler(reevaluationSweep, async () => {
  const now = new Date();
  await startReevaluation(functionStore(), sweepStart(now), now);
});
