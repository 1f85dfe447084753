import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { sweepDue } from "../platform/outbox/sweep.ts";
import { logger } from "../platform/powertools.ts";
import { outboxSweeper } from "./manifest.ts";

/** The scheduled sweep: "now" is the schedule's own time, so a late invocation catches up. */
export const handler = scheduleHandler(outboxSweeper, async (event) => {
  const now = new Date(event.time);
  const report = await sweepDue(functionStore(), Number.isNaN(now.getTime()) ? new Date() : now);
  if (report.delivered + report.failed + report.dead > 0) logger.info("outbox sweep", { report });
});
