import { reportsContract } from "../../../shared/contracts/reports.ts";
import type { ReportRequest } from "../../../shared/reports/report-job.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export const reportKeys = {
  all: () => ["reports"] as const,
};

/** The agency's latest report jobs, newest first. */
export function listReports(client: HttpClient, signal?: AbortSignal) {
  return callRoute(client, reportsContract.list, signal ? { signal } : {});
}

/** Queues a report; the key makes a retried submission queue it once. */
export function startReport(client: HttpClient, body: ReportRequest, idempotencyKey: string) {
  return callRoute(client, reportsContract.start, {
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** A fresh presigned link to a done report's file. */
export function reportDownload(client: HttpClient, id: string) {
  return callRoute(client, reportsContract.download, { params: { id } });
}
