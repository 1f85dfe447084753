import type * as z from "zod";
import * as assessmentGraded from "./assessment-graded.v1.ts";
import * as hiddenDangerClosed from "./hidden-danger-closed.v1.ts";
import * as hiddenDangerOverdue from "./hidden-danger-overdue.v1.ts";
import * as hiddenDangerReported from "./hidden-danger-reported.v1.ts";
import * as hiddenDangerStatisticsDue from "./hidden-danger-statistics-due.v1.ts";
import * as reviewOverdue from "./review-overdue.v1.ts";
import * as riskLevelChanged from "./risk-level-changed.v1.ts";
import * as riskSourceRegistered from "./risk-source-registered.v1.ts";
import * as warningAcknowledged from "./warning-acknowledged.v1.ts";
import * as warningEscalated from "./warning-escalated.v1.ts";
import * as warningRaised from "./warning-raised.v1.ts";
import * as warningResolved from "./warning-resolved.v1.ts";

/** One versioned event payload: what an envelope's `type`/`version` name and its `data` holds. */
export interface CatalogEntry {
  type: string;
  version: number;
  summary: { zh: string; en: string };
  schema: z.ZodType;
}

/** Warning lifecycle events, published by the warnings capability (`events/warning-*.v1.ts`). */
export const WARNING_EVENT_TYPES = [
  "warning.raised",
  "warning.acknowledged",
  "warning.escalated",
  "warning.resolved",
] as const;

const registryEvents: readonly CatalogEntry[] = [
  {
    type: riskSourceRegistered.type,
    version: riskSourceRegistered.version,
    summary: { zh: "风险源已登记", en: "A risk source was registered" },
    schema: riskSourceRegistered.RiskSourceRegisteredV1Schema,
  },
  {
    type: assessmentGraded.type,
    version: assessmentGraded.version,
    summary: { zh: "风险评估已定级或已审核", en: "An assessment was graded or reviewed" },
    schema: assessmentGraded.AssessmentGradedV1Schema,
  },
  {
    type: riskLevelChanged.type,
    version: riskLevelChanged.version,
    summary: { zh: "风险源等级变化", en: "A risk source's level changed" },
    schema: riskLevelChanged.RiskLevelChangedV1Schema,
  },
  {
    type: reviewOverdue.type,
    version: reviewOverdue.version,
    summary: { zh: "风险源复评逾期", en: "A risk source's periodic review is overdue" },
    schema: reviewOverdue.ReviewOverdueV1Schema,
  },
];

const warningEvents: readonly CatalogEntry[] = [
  {
    type: warningRaised.type,
    version: warningRaised.version,
    summary: { zh: "预警已发布", en: "A warning was raised" },
    schema: warningRaised.WarningRaisedV1Schema,
  },
  {
    type: warningAcknowledged.type,
    version: warningAcknowledged.version,
    summary: { zh: "预警已签收", en: "A warning was acknowledged" },
    schema: warningAcknowledged.WarningAcknowledgedV1Schema,
  },
  {
    type: warningEscalated.type,
    version: warningEscalated.version,
    summary: { zh: "预警已升级", en: "A warning was escalated" },
    schema: warningEscalated.WarningEscalatedV1Schema,
  },
  {
    type: warningResolved.type,
    version: warningResolved.version,
    summary: { zh: "预警已处置", en: "A warning was resolved" },
    schema: warningResolved.WarningResolvedV1Schema,
  },
];

/** Hidden-danger events (隐患排查治理), published by functions/hidden-dangers. */
const hiddenDangerEvents: readonly CatalogEntry[] = [
  {
    type: hiddenDangerReported.type,
    version: hiddenDangerReported.version,
    summary: { zh: "隐患已上报", en: "A hidden danger was reported" },
    schema: hiddenDangerReported.HiddenDangerReportedV1Schema,
  },
  {
    type: hiddenDangerOverdue.type,
    version: hiddenDangerOverdue.version,
    summary: {
      zh: "隐患整改或验收逾期",
      en: "A hidden danger's rectification or acceptance is overdue",
    },
    schema: hiddenDangerOverdue.HiddenDangerOverdueV1Schema,
  },
  {
    type: hiddenDangerClosed.type,
    version: hiddenDangerClosed.version,
    summary: { zh: "隐患已销号", en: "A hidden danger was closed" },
    schema: hiddenDangerClosed.HiddenDangerClosedV1Schema,
  },
  {
    type: hiddenDangerStatisticsDue.type,
    version: hiddenDangerStatisticsDue.version,
    summary: {
      zh: "隐患排查治理统计待上报（季度提醒）",
      en: "Hidden-danger statistics are due to be reported (quarterly reminder)",
    },
    schema: hiddenDangerStatisticsDue.HiddenDangerStatisticsDueV1Schema,
  },
];

/** Every event type the product publishes on the `events` topic, for docs and subscriptions. */
export const EVENT_CATALOG: readonly CatalogEntry[] = [
  ...registryEvents,
  ...warningEvents,
  ...hiddenDangerEvents,
];

export const EVENT_TYPES: readonly string[] = EVENT_CATALOG.map((e) => e.type);

/** The catalog entry of an envelope's type and version, if the product knows it. */
export function catalogEntry(type: string, version: number): CatalogEntry | undefined {
  return EVENT_CATALOG.find((e) => e.type === type && e.version === version);
}
