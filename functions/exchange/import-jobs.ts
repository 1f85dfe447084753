import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { ulid } from "ulidx";
import { type Bilingual, NotFoundError } from "../../shared/errors.ts";
import type {
  ImportJob,
  ImportKind,
  ImportRequest,
  ImportStatus,
} from "../../shared/exchange/import-job.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { StoredImportJob, StoredJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { s3 } from "../platform/clients.ts";
import { config } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { jobMessageStep } from "./import-queue.ts";
import { createJob, loadJob, saveJob } from "./job-store.ts";

const CONTENT_TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function jobNotFound(): NotFoundError {
  // Also the answer for another tenant's job: nothing tells whether it exists.
  return new NotFoundError({ zh: "导入任务不存在", en: "Import job not found" });
}

export function isImportJob(job: StoredJob): job is StoredImportJob {
  return job.kind !== "riskSourceExport";
}

/** What callers read of a job: no file location, no stored caller, no version. */
export function publicJob(job: StoredImportJob): ImportJob {
  const { tenantId: _t, objectKey: _o, caller: _c, version: _v, ...visible } = job;
  return { ...visible, unchanged: visible.unchanged ?? 0 };
}

/**
 * Starts an import: the file goes to the documents bucket under `<tenantId>/imports/<jobId>`,
 * the job into the caller's tenant partition as `queued`, and a message to the import worker.
 */
export async function startImport(
  caller: Caller,
  kind: ImportKind,
  request: ImportRequest,
  now = new Date(),
): Promise<{ id: string; status: ImportStatus }> {
  const id = ulid(now.getTime());
  const tenantId = caller.tenantId;
  const objectKey = `${tenantId}/imports/${id}`;
  await s3.send(
    new PutObjectCommand({
      Bucket: config().bucketName,
      Key: objectKey,
      Body: Buffer.from(request.contentBase64, "base64"),
      ContentType: CONTENT_TYPES[request.format],
    }),
  );
  const at = now.toISOString();
  const job: StoredImportJob = {
    id,
    tenantId,
    kind,
    status: "queued",
    dryRun: request.dryRun,
    fileName: request.fileName,
    format: request.format,
    objectKey,
    caller,
    total: 0,
    processed: 0,
    written: 0,
    unchanged: 0,
    failedRows: 0,
    errors: [],
    createdAt: at,
    updatedAt: at,
  };
  const store = functionStore();
  // The job and its queue message are one unit of work: no job is saved that no worker will see.
  await createJob(store, job, [jobMessageStep({ tenantId, jobId: id }, now)]);
  return { id, status: job.status };
}

/** A job of this kind of the caller's own tenant; 404 for anything else. */
export async function readJob(caller: Caller, kind: ImportKind, id: string): Promise<ImportJob> {
  const job = await loadJob(functionStore(), caller.tenantId, id);
  if (!job || !isImportJob(job) || job.kind !== kind) throw jobNotFound();
  return publicJob(job);
}

/**
 * Marks a job `failed` with `reason` unless it already ended. For a job whose message SQS will
 * not deliver again: without it the job would read `running` (or `queued`) forever.
 */
export async function abandonJob(
  store: Store,
  tenantId: string,
  id: string,
  reason: Bilingual,
  now = new Date(),
): Promise<void> {
  // Read again rather than reuse the worker's copy: the importer saved progress meanwhile.
  const job = await loadJob(store, tenantId, id);
  if (!job || job.status === "done" || job.status === "failed") return;
  await saveJob(store, { ...job, status: "failed", reason, updatedAt: now.toISOString() });
}

export async function readJobFile(job: StoredImportJob): Promise<Uint8Array> {
  const object = await s3.send(
    new GetObjectCommand({ Bucket: config().bucketName, Key: job.objectKey }),
  );
  if (!object.Body) throw new Error(`import file ${job.objectKey} has no body`);
  return object.Body.transformToByteArray();
}
