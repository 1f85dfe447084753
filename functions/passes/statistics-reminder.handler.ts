import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { statisticsReminder } from "./manifest.ts";
import { startDatedPass } from "./pass-messages.ts";
import { statisticsReminderPlan } from "./statistics-reminder.ts";

/**
 * The quarterly reminder's orchestrator: starts the day's pass, whose district × shard segments
 * of the enterprise index run on the `passes` queue. A retry the same day queues nothing twice.
 */
export const handler = scheduleHandler(statisticsReminder, async (event) => {
  const store = functionStore();
  const now = new Date(event.time ?? Date.now());
  await startDatedPass(
    store,
    statisticsReminderPlan(store, now),
    "statistics-reminder-segment",
    now,
  );
});
