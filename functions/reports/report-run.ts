import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getDistrict } from "../../shared/catalogs/districts.ts";
import { getIndustry } from "../../shared/catalogs/industries.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { jurisdictionLabel } from "../../shared/tenancy/jurisdiction-label.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { reportTable } from "./report-data.ts";
import { REPORT_CONTENT_TYPES, reportFile } from "./report-files.ts";
import { saveReportJob, type VersionedReportJob } from "./report-job-store.ts";

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
