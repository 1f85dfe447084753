import type { Messages } from "./zh-cn.ts";

/** English texts of the scheduled passes page. */
export const passesEn: Messages["passes"] = {
  title: "Scheduled passes",
  hint: "The daily review-due check and the re-evaluation after a method version changes run in segments in the background; an interrupted pass resumes from its checkpoints, nobody twice, nobody missed.",
  kind: "Pass",
  startedAt: "Started",
  progress: "Segments",
  seen: "Sources checked",
  acted: "Acted on",
  status: "Status",
  empty: "No scheduled passes yet",
  kinds: {
    "review-due": "Review-due check",
    reevaluation: "Re-evaluation",
  },
  statuses: {
    running: "Running",
    done: "Done",
  },
};
