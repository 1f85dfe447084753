import { PutObjectCommand } from "@aws-sdk/client-s3";
import { ulid } from "ulidx";
import { NotFoundError } from "../../shared/errors.ts";
import {
  type ExportJob,
  type ExportRequest,
  ExportRequestSchema,
} from "../../shared/exchange/export-job.ts";
import type { ImportStatus } from "../../shared/exchange/import-job.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { StoredExportJob, StoredJob } from "../adapters/dynamodb/entities/import-job.ts";
import { presignedGet } from "../adapters/s3/presigned-get.ts";
import { browserS3, s3 } from "../platform/clients.ts";
import { config, setting } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { jobMessageStep } from "./import-queue.ts";
import { createJob, loadJob } from "./job-store.ts";
import { exportRiskSources } from "./risk-source-export.ts";

/** How long a download link works; every read of the job gives a fresh one. */
export const DOWNLOAD_SECONDS = 15 * 60;

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The file name a download suggests: `风险源清单-<date>.<format>`. */
function fileNameOf(job: StoredExportJob): string {
  return `风险源清单-${job.createdAt.slice(0, 10)}.${job.format}`;
}

export function isExportJob(job: StoredJob): job is StoredExportJob {
  return job.kind === "riskSourceExport";
}

function exportNotFound(): NotFoundError {
  // Also the answer for another tenant's job: nothing tells whether it exists.
  return new NotFoundError({ zh: "导出任务不存在", en: "Export job not found" });
}

/**
 * Starts an export of the sources in the caller's scope narrowed by the filters: the job goes to
 * the caller's tenant partition as `queued` (with the scope it was asked in) and to the worker,
 * which writes the file to `<tenantId>/exports/<jobId>.<format>` in the documents bucket.
 */
export async function startExport(
  caller: Caller,
  scope: Scope,
  request: ExportRequest,
  now = new Date(),
): Promise<{ id: string; status: ImportStatus }> {
  const { format, ...filters } = request;
  const id = ulid(now.getTime());
  const at = now.toISOString();
  const job: StoredExportJob = {
    id,
    tenantId: caller.tenantId,
    kind: "riskSourceExport",
    status: "queued",
    format,
    rows: 0,
    objectKey: `${caller.tenantId}/exports/${id}.${format}`,
    caller,
    scope,
    filters: Object.fromEntries(
      Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"),
    ),
    createdAt: at,
    updatedAt: at,
  };
  const store = functionStore();
  // The job and its queue message are one unit of work: no job is saved that no worker will see.
  await createJob(store, job, [jobMessageStep({ tenantId: job.tenantId, jobId: id }, now)]);
  return { id, status: job.status };
}

/** An export job of the caller's tenant, with a fresh download link once it is done. */
export async function readExport(caller: Caller, id: string, now = new Date()): Promise<ExportJob> {
  const job = await loadJob(functionStore(), caller.tenantId, id);
  if (!job || !isExportJob(job)) throw exportNotFound();
  const {
    tenantId: _t,
    objectKey,
    caller: _c,
    scope: _s,
    filters: _f,
    version: _v,
    ...visible
  } = job;
  if (job.status !== "done") return visible;
  const fileName = fileNameOf(job);
  const link = await presignedGet(
    browserS3(),
    {
      bucket: setting("bucketName"),
      key: objectKey,
      fileName,
      contentType: CONTENT_TYPES[job.format],
    },
    DOWNLOAD_SECONDS,
    now,
  );
  return {
    ...visible,
    download: { url: link.url, fileName, expiresAt: link.expiresAt.toISOString() },
  };
}

/**
 * Writes the export file and marks the job done. It is written whole each time, so a
 * redelivery after a crash simply writes it again. `save` throws when another worker took over.
 */
export async function runExport(
  job: StoredExportJob,
  save: (job: StoredExportJob) => Promise<void>,
): Promise<void> {
  const { format, ...filters } = ExportRequestSchema.parse({ ...job.filters, format: job.format });
  const { file, rows } = await exportRiskSources(job.caller, job.scope, filters, format);
  await s3.send(
    new PutObjectCommand({
      Bucket: config().bucketName,
      Key: job.objectKey,
      Body: file,
      ContentType: CONTENT_TYPES[job.format],
    }),
  );
  await save({ ...job, status: "done", rows, updatedAt: new Date().toISOString() });
}
