import { WEBHOOK_TIMEOUT_MS } from "../../shared/webhooks/retry-schedule.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { runningOutOfTime } from "../platform/handlers/time-left.ts";
import { attemptDeps } from "./attempt-deps.ts";
import { webhookRetries } from "./manifest.ts";
import { sweepDueDeliveries } from "./retry-sweep.ts";

/** An attempt started may wait its receiver's whole timeout; it must end before the function. */
const STOP_MARGIN_MS = WEBHOOK_TIMEOUT_MS + 5_000;

/** The `webhook-retries` schedule (every minute); the event's time is the sweep's clock. */
export const handler = scheduleHandler(webhookRetries, async (event, context) => ({
  attempted: await sweepDueDeliveries(
    attemptDeps(),
    new Date(event.time ?? Date.now()),
    runningOutOfTime(context, STOP_MARGIN_MS),
  ),
}));
