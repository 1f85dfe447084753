import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { jobRecovery } from "./manifest.ts";
import { requeueStalledJobs } from "./stalled-jobs.ts";

/** The `stalled-jobs` schedule: re-enqueues import and export jobs that lost their worker. */
export const handler = scheduleHandler(jobRecovery, async () => ({
  requeued: await requeueStalledJobs(functionStore()),
}));
