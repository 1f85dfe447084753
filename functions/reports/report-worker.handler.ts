import { functionStore } from "../platform/data/request-store.ts";
import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { messaging } from "../platform/messaging-definitions.ts";
import { logger } from "../platform/powertools.ts";
import { reportWorker } from "./manifest.ts";
import { loadReportJob } from "./report-jobs.ts";
import { reportMessageOf } from "./report-queue.ts";
import { failReport, runReport } from "./report-run.ts";

/** Receives before SQS gives the message to the DLQ, from the queue's own declaration. */
const MAX_RECEIVES =
  messaging.queues.find((q) => q.id === reportWorker.queues?.[0])?.maxReceiveCount ?? 1;

/**
 * The `reports` queue's consumer. A failure returns the message to the queue (a fresh attempt
 * writes the whole file again); on its last delivery the job is marked failed so the official's
 * page stops waiting, and the message still goes to the DLQ for operators.
 */
export const handler = queueHandler(reportWorker, async (record) => {
  const store = functionStore();
  const message = reportMessageOf(record.body);
  tagTenant(message.tenantId);
  const read = await loadReportJob(store, message.tenantId, message.jobId);
  if (!read) {
    logger.warn("report job not found", message);
    return;
  }
  try {
    if (!(await runReport(store, read))) logger.info("report job taken over", message);
  } catch (error) {
    if (Number(record.attributes.ApproximateReceiveCount) >= MAX_RECEIVES) {
      const latest = await loadReportJob(store, message.tenantId, message.jobId);
      if (latest) await failReport(store, latest);
    }
    throw error;
  }
});
