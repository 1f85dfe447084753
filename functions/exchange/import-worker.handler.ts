import type { SQSRecord } from "aws-lambda";
import { type Bilingual, DomainError } from "../../shared/errors.ts";
import type { ImportKind } from "../../shared/exchange/import-job.ts";
import type { StoredImportJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { readRows, type SheetRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { messaging } from "../platform/messaging-definitions.ts";
import { logger } from "../platform/powertools.ts";
import { importCensus, importStandardization } from "./enterprise-exchange.ts";
import { abandonJob, loadJob, readJobFile, saveJob } from "./import-jobs.ts";
import { type ImportMessage, importMessageOf } from "./import-queue.ts";
import { importWorker } from "./manifest.ts";
import { importRiskSources } from "./risk-source-import.ts";

type Importer = (
  store: Store,
  job: StoredImportJob,
  sheet: SheetRows,
  save: (job: StoredImportJob) => Promise<void>,
) => Promise<void>;

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

const GAVE_UP: Bilingual = {
  zh: "导入任务多次执行失败，已停止重试，请重新提交导入",
  en: "The import failed on every attempt and will not be retried; start it again",
};

/** This was the message's last delivery: after it, the message goes to the DLQ. */
function lastReceive(record: SQSRecord): boolean {
  const count = Number(record.attributes.ApproximateReceiveCount);
  return Number.isFinite(count) && count >= MAX_RECEIVES;
}

async function fail(store: Store, job: StoredImportJob, error: DomainError): Promise<void> {
  const detail = error.issues[0]?.message;
  await saveJob(store, {
    ...job,
    status: "failed",
    reason: detail ?? error.title,
    updatedAt: new Date().toISOString(),
  });
}

/**
 * Runs one import job. A job already `done` or `failed` is left alone; a `running` one (its
 * earlier delivery stopped midway) is run again from the start — rows already written are
 * recognised by their deterministic ids.
 */
async function runJob(store: Store, tenantId: string, jobId: string): Promise<void> {
  const job = await loadJob(store, tenantId, jobId);
  if (!job) {
    logger.warn("import job not found", { tenantId, jobId });
    return;
  }
  if (job.status === "done" || job.status === "failed") return;
  job.status = "running";
  job.updatedAt = new Date().toISOString();
  await saveJob(store, job);
  try {
    const sheet = await readRows(await readJobFile(job), job.format);
    await IMPORTERS[job.kind](store, job, sheet, (j) => saveJob(store, j));
  } catch (error) {
    // An unreadable file or a missing profile will not get better on retry.
    if (error instanceof DomainError) return fail(store, job, error);
    throw error;
  }
  await saveJob(store, { ...job, status: "done", updatedAt: new Date().toISOString() });
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
 * The `imports` queue's consumer; failed messages return to the queue (then its DLQ). The
 * message still goes to the DLQ after its last attempt, so operators see what failed. The
 * factory logs the failure with the message id and reports it in the partial batch response.
 */
export const handler = queueHandler(importWorker, async (record) => {
  const store = functionStore();
  let message: ImportMessage | undefined;
  try {
    message = importMessageOf(record.body);
    tagTenant(message.tenantId);
    await runJob(store, message.tenantId, message.jobId);
  } catch (error) {
    if (message && lastReceive(record)) await giveUp(store, message);
    throw error;
  }
});
