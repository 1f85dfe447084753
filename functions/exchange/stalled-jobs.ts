import type { Store } from "../adapters/dynamodb/store.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";
import { messaging } from "../platform/messaging-definitions.ts";
import { logger } from "../platform/powertools.ts";
import { reportWorker } from "../reports/manifest.ts";
import { reportJobsIdleSince, saveReportJob } from "../reports/report-job-store.ts";
import { reportMessageStep } from "../reports/report-queue.ts";
import { jobMessageStep } from "./import-queue.ts";
import { jobsIdleSince, saveJob } from "./job-store.ts";
import { importWorker } from "./manifest.ts";

/**
 * How long a queued or running job may go without a heartbeat before it counts as stalled: its
 * worker's queue visibility timeout, which exceeds the worker's own timeout. A live worker saves
 * its checkpoint every few seconds (a report worker when it starts and ends, within its timeout),
 * and a message in flight is invisible no longer than this, so a job silent for longer has no
 * worker and no message that will bring it one.
 */
function stalledAfterMs(worker: FunctionDefinition): number {
  const queue = messaging.queues.find((q) => q.id === worker.queues?.[0]);
  if (!queue) throw new Error(`the queue of ${worker.id} is not declared`);
  return queue.visibilityTimeoutSeconds * 1000;
}

export const STALLED_AFTER_MS = stalledAfterMs(importWorker);
export const STALLED_REPORT_AFTER_MS = stalledAfterMs(reportWorker);

/** Report jobs idle for longer than `idleMs`, renewed and handed out again as import jobs are. */
export async function requeueStalledReports(
  store: Store,
  idleMs = STALLED_REPORT_AFTER_MS,
  now = new Date(),
): Promise<string[]> {
  const stalled = await reportJobsIdleSince(store, new Date(now.getTime() - idleMs));
  const requeued: string[] = [];
  for (const read of stalled) {
    const { job } = read;
    const message = reportMessageStep({ tenantId: job.tenantId, jobId: job.id }, now);
    read.job = { ...job, updatedAt: now.toISOString() };
    if (await saveReportJob(store, read, [message])) requeued.push(job.id);
  }
  if (requeued.length > 0) logger.info("stalled report jobs re-enqueued", { jobIds: requeued });
  return requeued;
}

/**
 * Hands every job idle for longer than `idleMs` to a worker again: its heartbeat is renewed
 * first (only if nobody saved it meanwhile, so two passes never both re-enqueue it), then its
 * message is published. Covers a message lost in transit, dropped to the DLQ by a crash rather
 * than by the job, or held by a local queue that did not survive a restart. Returns the ids.
 */
export async function requeueStalledJobs(
  store: Store,
  idleMs = STALLED_AFTER_MS,
  now = new Date(),
): Promise<string[]> {
  const stalled = await jobsIdleSince(store, new Date(now.getTime() - idleMs));
  const requeued: string[] = [];
  for (const job of stalled) {
    // The renewed heartbeat and the message are one unit of work (the outbox delivers it).
    const message = jobMessageStep({ tenantId: job.tenantId, jobId: job.id }, now);
    if (await saveJob(store, { ...job, updatedAt: now.toISOString() }, [message])) {
      requeued.push(job.id);
    }
  }
  if (requeued.length > 0) logger.info("stalled jobs re-enqueued", { jobIds: requeued });
  return requeued;
}
