import { PutObjectCommand } from "@aws-sdk/client-s3";
import { ulid } from "ulidx";
import { getDistrict } from "../../shared/catalogs/districts.ts";
import { getIndustry } from "../../shared/catalogs/industries.ts";
import { ReportNotFoundError, ReportNotReadyError } from "../../shared/reports/report-errors.ts";
import type { ReportDownload, ReportJob, ReportRequest } from "../../shared/reports/report-job.ts";
import { beijingDay } from "../../shared/stats/trends.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { jurisdictionLabel } from "../../shared/tenancy/jurisdiction-label.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { StoredReportJob } from "../adapters/dynamodb/entities/report-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { presignedGet } from "../adapters/s3/presigned-get.ts";
import { s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { reportTable } from "./report-data.ts";
import { REPORT_CONTENT_TYPES, reportFile, reportFileName } from "./report-files.ts";
import {
  createReportJob,
  latestReportJobs,
  loadReportJob,
  saveReportJob,
  type VersionedReportJob,
} from "./report-job-store.ts";
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
    s3,
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

/** The caller's jurisdiction in words, for the PDF's heading. */
function scopeLabel(caller: Caller): string {
  return jurisdictionLabel(caller.jurisdiction, {
    district: (code) => getDistrict(code)?.name,
    industry: (id) => getIndustry(id)?.name,
  }).zh;
}

/**
 * Runs a job: reads its table within the stored scope, writes the file whole (a redelivery after
 * a crash writes it again) and marks the job done. A job already done or failed is left alone;
 * `false` when another delivery took the job over.
 */
export async function runReport(
  store: Store,
  read: VersionedReportJob,
  now = new Date(),
): Promise<boolean> {
  const { job } = read;
  if (job.status === "done" || job.status === "failed") return true;
  read.job = { ...job, status: "running", updatedAt: now.toISOString() };
  if (!(await saveReportJob(store, read))) return false;
  const table = await reportTable(store, job.caller, job.scope, job.request, now);
  const file = await reportFile(table, job.format, {
    scope: scopeLabel(job.caller),
    generatedAt: now,
  });
  await s3.send(
    new PutObjectCommand({
      Bucket: setting("bucketName"),
      Key: job.objectKey,
      Body: file,
      ContentType: REPORT_CONTENT_TYPES[job.format],
    }),
  );
  read.job = {
    ...read.job,
    status: "done",
    rows: table.rows.length,
    updatedAt: new Date().toISOString(),
  };
  return saveReportJob(store, read);
}

/** Marks a job failed (its message's last delivery failed too): the page stops waiting. */
export async function failReport(store: Store, read: VersionedReportJob): Promise<void> {
  read.job = {
    ...read.job,
    status: "failed",
    reason: {
      zh: "报表生成失败，请重新生成",
      en: "The report could not be produced; start it again",
    },
    updatedAt: new Date().toISOString(),
  };
  await saveReportJob(store, read);
}

export { loadReportJob };
