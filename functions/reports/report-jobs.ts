import { ulid } from "ulidx";
import { ReportNotFoundError, ReportNotReadyError } from "../../shared/reports/report-errors.ts";
import type { ReportDownload, ReportJob, ReportRequest } from "../../shared/reports/report-job.ts";
import { beijingDay } from "../../shared/stats/trends.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { StoredReportJob } from "../adapters/dynamodb/entities/report-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { presignedGet } from "../adapters/s3/presigned-get.ts";
import { browserS3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { REPORT_CONTENT_TYPES, reportFileName } from "./report-file-names.ts";
import { createReportJob, latestReportJobs, loadReportJob } from "./report-job-store.ts";
import { reportMessageStep } from "./report-queue.ts";

/** How long a download link works; every request gives a fresh one. */
export const DOWNLOAD_SECONDS = 15 * 60;

/** How many jobs the agency's list shows: the page keeps the latest few in view. */
const LIST_LIMIT = 20;

/** What the starter reads: the stored job without whom, where and what it was asked with. */
function visible(job: StoredReportJob): ReportJob {
  const { tenantId: _t, caller: _c, scope: _s, request: _r, objectKey: _o, ...rest } = job;
  return rest;
}

/**
 * Starts a report of the caller's scope: the job (with the scope it was asked in, which is all
 * the worker will read) and its queue message are one unit of work.
 */
export async function startReport(
  store: Store,
  caller: Caller,
  scope: Scope,
  request: ReportRequest,
  now = new Date(),
): Promise<{ jobId: string; status: "queued" }> {
  const id = ulid(now.getTime());
  const at = now.toISOString();
  const job: StoredReportJob = {
    id,
    tenantId: caller.tenantId,
    kind: request.kind,
    format: request.format,
    status: "queued",
    rows: 0,
    createdAt: at,
    updatedAt: at,
    caller,
    scope,
    request,
    objectKey: `${caller.tenantId}/reports/${id}.${request.format}`,
  };
  await createReportJob(store, job, [
    reportMessageStep({ tenantId: job.tenantId, jobId: id }, now),
  ]);
  return { jobId: id, status: "queued" };
}

export async function listReports(store: Store, caller: Caller): Promise<ReportJob[]> {
  return (await latestReportJobs(store, caller.tenantId, LIST_LIMIT)).map(visible);
}

async function ownJob(store: Store, caller: Caller, id: string): Promise<StoredReportJob> {
  const read = await loadReportJob(store, caller.tenantId, id);
  if (!read) throw new ReportNotFoundError();
  return read.job;
}

export async function readReport(store: Store, caller: Caller, id: string): Promise<ReportJob> {
  return visible(await ownJob(store, caller, id));
}

/** A fresh presigned link to a done report; 409 while it is queued, running or failed. */
export async function reportDownload(
  store: Store,
  caller: Caller,
  id: string,
  now = new Date(),
): Promise<ReportDownload> {
  const job = await ownJob(store, caller, id);
  if (job.status !== "done") throw new ReportNotReadyError(job.status);
  const fileName = reportFileName(job.kind, beijingDay(new Date(job.createdAt)), job.format);
  const link = await presignedGet(
    browserS3(),
    {
      bucket: setting("bucketName"),
      key: job.objectKey,
      fileName,
      contentType: REPORT_CONTENT_TYPES[job.format],
    },
    DOWNLOAD_SECONDS,
    now,
  );
  return { url: link.url, fileName, expiresAt: link.expiresAt.toISOString() };
}

export { loadReportJob };
