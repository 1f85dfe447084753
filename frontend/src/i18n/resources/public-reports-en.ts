import type { publicReportsZhCN } from "./public-reports-zh-cn.ts";
import type { Texts } from "./texts.ts";

/** Public hidden-danger reports, English. */
export const publicReportsEn: Texts<typeof publicReportsZhCN> = {
  formTitle: "Report a hidden danger",
  formHint:
    "No sign-in needed. Officials of the area review each report before it counts; only they see your contact.",
  titleField: "Title",
  description: "Description",
  contact: "Contact (optional)",
  submit: "Send report",
  received: "Report received, awaiting review",
  tooMany: "Too many reports; please try again later",
  queueTitle: "Public reports",
  queueHint:
    "Hidden dangers reported by the public through a card's QR code; accepted, one becomes a hidden danger of its source.",
  empty: "No public reports",
  source: "Risk source",
  receivedAt: "Received",
  status: "Status",
  statuses: { pending: "Pending", accepted: "Accepted", rejected: "Rejected" },
  allStatuses: "All statuses",
  accept: "Accept",
  acceptAs: "Accept at grade",
  reject: "Reject",
  rejectReason: "Reason for rejecting",
  reason: "Reason",
};
