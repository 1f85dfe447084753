import type { Messages } from "./zh-cn.ts";

/** English texts of the scheduled passes page. */
export const passesEn: Messages["passes"] = {
  title: "Scheduled passes",
  hint: "The daily review-due check, the re-evaluation after a method version changes, the quarterly hidden-danger statistics reminder and the nightly statistics reconciliation run in segments in the background; an interrupted pass resumes from its checkpoints, nobody twice, nobody missed.",
  kind: "Pass",
  startedAt: "Started",
  progress: "Segments",
  seen: "Checked",
  acted: "Acted on",
  status: "Status",
  result: "Result",
  consistent: "Statistics match the registry",
  drift: "{{count}} counter(s) drift",
  empty: "No scheduled passes yet",
  kinds: {
    "review-due": "Review-due check",
    readiness: "Plan and drill check",
    reevaluation: "Re-evaluation",
    "statistics-reminder": "Statistics reminder",
    "stats-reconciliation": "Statistics reconciliation",
  },
  statuses: {
    running: "Running",
    done: "Done",
  },
};
