import type { capabilityZhCN } from "./capability-zh-cn.ts";
import type { Texts } from "./texts.ts";

/** Emergency-capability assessment texts, English. */
export const capabilityEn: Texts<typeof capabilityZhCN> = {
  title: "Emergency capability",
  hint: "Answer each item of the checklist: met, partly met, not met or not applicable; each dimension is scored by weight, the weakest first.",
  start: "Assess",
  checklist: "Checklist",
  assessedOn: "Assessed on",
  assessor: "Assessor",
  notes: "Notes",
  submit: "Submit",
  cancel: "Cancel",
  saved: "Assessment saved",
  answerRequired: "Answer this item",
  answers: {
    met: "Met",
    partial: "Partly met",
    notMet: "Not met",
    notApplicable: "Not applicable",
  },
  latest: "Latest assessment",
  overall: "Overall score",
  weakest: "Weakest dimension",
  notScored: "Not applicable",
  gaps: "To improve",
  history: "History",
  checklistVersion: "Checklist version",
  empty: "No capability assessment yet",
  chooseEnterprise: "Choose an enterprise in the directory to see its capability assessments.",
  directory: "Enterprise directory",
};
