import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { attemptDeps } from "./attempt-deps.ts";
import { webhookRetries } from "./manifest.ts";
import { sweepDueDeliveries } from "./retry-sweep.ts";

/** The `webhook-retries` schedule (every minute); the event's time is the sweep's clock. */
export const handler = scheduleHandler(webhookRetries, async (event) => ({
  attempted: await sweepDueDeliveries(attemptDeps(), new Date(event.time ?? Date.now())),
}));
