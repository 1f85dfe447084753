import type { ScheduledEvent } from "aws-lambda";
import { functionStore } from "../platform/data/request-store.ts";
import { requeueStalledJobs } from "./stalled-jobs.ts";

/** The `stalled-jobs` schedule: re-enqueues import and export jobs that lost their worker. */
export async function handler(_event: ScheduledEvent): Promise<{ requeued: string[] }> {
  return { requeued: await requeueStalledJobs(functionStore()) };
}
