import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { jobRecovery } from "./manifest.ts";
import { requeueStalledJobs, requeueStalledReports } from "./stalled-jobs.ts";

/** The `stalled-jobs` schedule: re-enqueues import, export and report jobs that lost their worker. */
export const handler = scheduleHandler(jobRecovery, async () => {
  const store = functionStore();
  const [jobs, reports] = await Promise.all([
    requeueStalledJobs(store),
    requeueStalledReports(store),
  ]);
  return { requeued: [...jobs, ...reports] };
});
