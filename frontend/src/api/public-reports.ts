import { publicReportsContract as routes } from "../../../shared/contracts/public-reports.ts";
import type { HiddenDangerLevel } from "../../../shared/hidden-dangers/hidden-danger.ts";
import type {
  PublicReport,
  PublicReportInput,
  PublicReportStatus,
} from "../../../shared/hidden-dangers/public-report.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

/** Public hidden-danger reports (shared/contracts/public-reports.ts). */
export const publicReportKeys = {
  all: () => ["public-reports"] as const,
  list: (status: PublicReportStatus | undefined) => ["public-reports", "list", status] as const,
};

/** From the QR page, no sign-in: the card's link is the credential. */
export function submitPublicReport(client: HttpClient, token: string, input: PublicReportInput) {
  return callRoute(client, routes.submit, { params: { token }, body: input });
}

export function listPublicReports(
  client: HttpClient,
  status: PublicReportStatus | undefined,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return callRoute(client, routes.list, {
    query: { ...(status ? { status } : {}), cursor },
    ...(signal ? { signal } : {}),
  });
}

const ifMatch = (r: PublicReport) => ({ "If-Match": `"${r.version}"` });

export function acceptPublicReport(client: HttpClient, r: PublicReport, level: HiddenDangerLevel) {
  return callRoute(client, routes.accept, {
    params: { id: r.id },
    body: { level },
    headers: ifMatch(r),
  });
}

export function rejectPublicReport(client: HttpClient, r: PublicReport, reason: string) {
  return callRoute(client, routes.reject, {
    params: { id: r.id },
    body: { reason },
    headers: ifMatch(r),
  });
}
