import type { SQSRecord } from "aws-lambda";
import { type Bilingual, DomainError } from "../../shared/errors.ts";
import type { ImportKind } from "../../shared/exchange/import-job.ts";
import type { StoredImportJob, StoredJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { readRows, type SheetRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { runningOutOfTime } from "../platform/handlers/time-left.ts";
import { messaging } from "../platform/messaging-definitions.ts";
import { logger } from "../platform/powertools.ts";
import { importCensus, importStandardization } from "./enterprise-exchange.ts";
import { isExportJob, runExport } from "./export-jobs.ts";
import { abandonJob, readJobFile } from "./import-jobs.ts";
import { type ImportMessage, importMessageOf, jobMessageStep } from "./import-queue.ts";
import { loadJob, saveJob } from "./job-store.ts";
import { importWorker } from "./manifest.ts";
import { importRiskSources } from "./risk-source-import.ts";
import type { RunControl, RunResult } from "./row-runner.ts";

type Importer = (
  store: Store,
  job: StoredImportJob,
  sheet: SheetRows,
  control: RunControl,
) => Promise<RunResult>;

const IMPORTERS: Readonly<Record<ImportKind, Importer>> = {
  riskSources: importRiskSources,
  census: importCensus,
  standardization: importStandardization,
};

/**
 * Receives of one message before SQS moves it to the DLQ, read from the declaration the queue is
 * built from (CDK and the local stack), so the worker and the redrive policy cannot disagree.
 * A missing declaration fails the cold start loudly rather than never giving a job up.
 */
const MAX_RECEIVES = ((): number => {
  const [queueId] = importWorker.queues ?? [];
  const queue = messaging.queues.find((q) => q.id === queueId);
  if (!queue) throw new Error(`the import worker's queue "${queueId}" is not declared`);
  return queue.maxReceiveCount;
})();

/**
 * Time kept in hand when the worker stops at a checkpoint: a chunk of rows (a few seconds) and
 * the saves after it must end well before the function's timeout.
 */
export const PAUSE_MARGIN_MS = 60_000;

const GAVE_UP: Bilingual = {
  zh: "导入任务多次执行失败，已停止重试，请重新提交导入",
  en: "The import failed on every attempt and will not be retried; start it again",
};

/** Another worker saved the job after this one read it: it carries on, this one stops. */
class JobTakenOver extends Error {}

/** This was the message's last delivery: after it, the message goes to the DLQ. */
function lastReceive(record: SQSRecord): boolean {
  const count = Number(record.attributes.ApproximateReceiveCount);
  return Number.isFinite(count) && count >= MAX_RECEIVES;
}

async function save<J extends StoredJob>(store: Store, job: J): Promise<void> {
  if (!(await saveJob(store, job))) throw new JobTakenOver();
}

async function fail(store: Store, job: StoredJob, error: DomainError): Promise<void> {
  const detail = error.issues[0]?.message;
  await save(store, {
    ...job,
    status: "failed",
    reason: detail ?? error.title,
    updatedAt: new Date().toISOString(),
  });
}

/**
 * Runs an import from its checkpoint. When the invocation's time runs short it stops after a
 * chunk, saved, and hands the rest to a fresh invocation through the queue; no import, however
 * long, meets the function's timeout.
 */
async function runImport(
  store: Store,
  job: StoredImportJob,
  shouldPause: () => boolean,
): Promise<void> {
  const sheet = await readRows(await readJobFile(job), job.format);
  const result = await IMPORTERS[job.kind](store, job, sheet, {
    save: (j) => save(store, j),
    shouldPause,
  });
  if (result === "paused") {
    // The checkpoint and the message that continues from it are one unit of work.
    const continued = { ...job, updatedAt: new Date().toISOString() };
    if (
      !(await saveJob(store, continued, [
        jobMessageStep({ tenantId: job.tenantId, jobId: job.id }),
      ]))
    ) {
      throw new JobTakenOver();
    }
    return;
  }
  await save(store, { ...job, status: "done", updatedAt: new Date().toISOString() });
}

/**
 * Runs one job. A job already `done` or `failed` is left alone; a `running` one (an earlier
 * delivery stopped midway) resumes from its checkpoint.
 */
async function runJob(
  store: Store,
  tenantId: string,
  jobId: string,
  shouldPause: () => boolean,
): Promise<void> {
  const job = await loadJob(store, tenantId, jobId);
  if (!job) {
    logger.warn("import job not found", { tenantId, jobId });
    return;
  }
  if (job.status === "done" || job.status === "failed") return;
  job.status = "running";
  job.updatedAt = new Date().toISOString();
  await save(store, job);
  try {
    if (isExportJob(job)) await runExport(job, (j) => save(store, j));
    else await runImport(store, job, shouldPause);
  } catch (error) {
    // An unreadable file or a missing profile will not get better on retry.
    if (error instanceof DomainError) return fail(store, job, error);
    throw error;
  }
}

/**
 * On the message's last delivery the job is marked `failed`, since no worker will see it again.
 * A failure to mark it is logged, not thrown: the original error is what the DLQ should keep.
 */
async function giveUp(store: Store, message: ImportMessage): Promise<void> {
  try {
    await abandonJob(store, message.tenantId, message.jobId, GAVE_UP);
  } catch (error) {
    logger.error("import job not marked failed", { error: error as Error, ...message });
  }
}

/**
 * The `imports` queue's consumer (import and export jobs); a failed message returns to the queue
 * (then its DLQ), and the factory logs it and reports it in the partial batch response. The
 * message still goes to the DLQ after its last attempt, so operators see what failed.
 */
export const handler = queueHandler(importWorker, async (record, context) => {
  const store = functionStore();
  const shouldPause = runningOutOfTime(context, PAUSE_MARGIN_MS);
  let message: ImportMessage | undefined;
  try {
    message = importMessageOf(record.body);
    tagTenant(message.tenantId);
    await runJob(store, message.tenantId, message.jobId, shouldPause);
  } catch (error) {
    if (error instanceof JobTakenOver) {
      logger.info("job taken over by another delivery", { messageId: record.messageId });
      return;
    }
    if (message && lastReceive(record)) await giveUp(store, message);
    throw error;
  }
});
