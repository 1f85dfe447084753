import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { DomainError } from "../../shared/errors.ts";
import type { ImportKind } from "../../shared/exchange/import-job.ts";
import type { StoredImportJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { readRows, type SheetRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { logger } from "../platform/powertools.ts";
import { importCensus, importStandardization } from "./enterprise-exchange.ts";
import { loadJob, readJobFile, saveJob } from "./import-jobs.ts";
import { importMessageOf } from "./import-queue.ts";
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

/** The `imports` queue's consumer; failed messages return to the queue (then its DLQ). */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const store = functionStore();
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    try {
      const { tenantId, jobId } = importMessageOf(record.body);
      logger.appendKeys({ tenantId });
      await runJob(store, tenantId, jobId);
    } catch (error) {
      logger.error("import job failed", { error: error as Error, messageId: record.messageId });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
