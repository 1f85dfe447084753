import type { Messages } from "./zh-cn.ts";

/** English texts of the report downloads page. */
export const reportsEn: Messages["reports"] = {
  title: "Report downloads",
  hint: "Reports are produced in the background and hold your jurisdiction's data only; download when done (links last 15 minutes).",
  kind: "Report",
  format: "Format",
  from: "From",
  to: "To",
  start: "Produce report",
  started: "The report is being produced",
  startFailed: "The report could not be started",
  download: "Download",
  downloadFailed: "The download link could not be fetched",
  recent: "Latest reports",
  createdAt: "Requested",
  rows: "Rows",
  status: "Status",
  kinds: {
    majorRisks: "Major-risk list",
    overdueReviews: "Overdue reviews",
    trends: "Risk level trends",
    coverage: "Coverage and balance",
  },
  statuses: {
    queued: "Queued",
    running: "Running",
    done: "Done",
    failed: "Failed",
  },
  empty: "No reports yet",
};
