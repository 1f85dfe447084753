import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { runningOutOfTime } from "../platform/handlers/time-left.ts";
import { sweepDue } from "../platform/outbox/sweep.ts";
import { logger } from "../platform/powertools.ts";
import { outboxSweeper } from "./manifest.ts";

/**
 * Time kept in hand: a delivery under load takes a second or two, and a sweep cut off by the
 * timeout reports nothing and logs an error, where one that stops leaves the rest to the next.
 */
const STOP_MARGIN_MS = 15_000;

/** The scheduled sweep: "now" is the schedule's own time, so a late invocation catches up. */
export const handler = scheduleHandler(outboxSweeper, async (event, context) => {
  const now = new Date(event.time);
  const report = await sweepDue(
    functionStore(),
    Number.isNaN(now.getTime()) ? new Date() : now,
    undefined,
    { outOfTime: runningOutOfTime(context, STOP_MARGIN_MS) },
  );
  if (report.unfinished)
    logger.warn("outbox sweep stopped for time; the next continues", { report });
  else if (report.delivered + report.failed + report.dead > 0)
    logger.info("outbox sweep", { report });
});
