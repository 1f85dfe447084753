import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { ContactSchema, StoredMetaSchema, Text } from "../risk/common.ts";
import type { RiskSource } from "../risk/risk-source.ts";

/** 一般隐患 (fixed at once) or 重大隐患 (needs stoppage or time), 安监总局令第16号 (domain.md §7). */
export const HiddenDangerLevelSchema = z.enum(["general", "major"]);
export type HiddenDangerLevel = z.infer<typeof HiddenDangerLevelSchema>;

/**
 * The lifecycle of domain.md §7: reported (found and graded) → planned (五到位 plan) →
 * rectified → evaluated (effect evaluated; acceptance requested) → accepted → closed (销号).
 */
export const HIDDEN_DANGER_STATUSES = [
  "reported",
  "planned",
  "rectified",
  "evaluated",
  "accepted",
  "closed",
] as const;
export const HiddenDangerStatusSchema = z.enum(HIDDEN_DANGER_STATUSES);
export type HiddenDangerStatus = z.infer<typeof HiddenDangerStatusSchema>;

/** The rectification plan's five fields (整改“五到位”: 措施、资金、时限、责任人、应急预案). */
export const RectificationPlanSchema = z.strictObject({
  measures: Text(2000),
  /** Funds set aside, in yuan. */
  funds: z.number().nonnegative().max(1e11),
  /** Rectification deadline (整改时限), ISO date or timestamp. */
  deadline: z.union([z.iso.date(), z.iso.datetime()]),
  responsiblePerson: ContactSchema,
  emergencyPlan: Text(2000),
});
export type RectificationPlan = z.infer<typeof RectificationPlanSchema>;

export const EvidenceSchema = z.object({
  id: z.string().min(1),
  fileName: z.string().min(1).max(200),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  /** `pending` until the upload is completed and its content checked. */
  status: z.enum(["pending", "verified"]),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const HIDDEN_DANGER_ACTIONS = [
  "report",
  "plan",
  "rectify",
  "evaluate",
  "accept",
  "reject",
  "close",
  "overdue",
] as const;
export const HiddenDangerActionSchema = z.enum(HIDDEN_DANGER_ACTIONS);
export type HiddenDangerAction = z.infer<typeof HiddenDangerActionSchema>;

export const HiddenDangerStepSchema = z.object({
  action: HiddenDangerActionSchema,
  at: z.iso.datetime(),
  /** The user who acted; absent for what the system did (the overdue sweep). */
  by: z.string().optional(),
  note: z.string().optional(),
});
export type HiddenDangerStep = z.infer<typeof HiddenDangerStepSchema>;

export const HiddenDangerSchema = StoredMetaSchema.extend({
  riskSourceId: z.string().min(1),
  riskSourceName: z.string(),
  place: z.object({ district: DistrictCodeSchema, street: z.string(), industry: IndustryIdSchema }),
  level: HiddenDangerLevelSchema,
  title: z.string(),
  description: z.string(),
  status: HiddenDangerStatusSchema,
  reportedBy: z.string(),
  /**
   * Whether an official or the enterprise reported it, or the public through the source's QR
   * page (then `publicReportId` names the report an official accepted).
   */
  reporterKind: z.enum(["enterprise", "official", "public"]),
  publicReportId: z.string().optional(),
  plan: RectificationPlanSchema.nullable(),
  /** Due date the overdue check watches: the plan's deadline, then the acceptance deadline. */
  dueAt: z.iso.datetime().nullable(),
  rectifiedAt: z.iso.datetime().nullable(),
  evaluation: z.string().nullable(),
  /** When acceptance was requested (the effect evaluated); it is due within 10 days. */
  acceptanceRequestedAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** Listed for supervision (挂牌督办): a major danger while it is open. */
  supervised: z.boolean(),
  /** The due date an overdue warning was raised for, so the sweep raises it once. */
  overdueWarnedFor: z.iso.datetime().nullable(),
  evidence: z.array(EvidenceSchema),
  steps: z.array(HiddenDangerStepSchema),
});
export type HiddenDanger = z.infer<typeof HiddenDangerSchema>;

/** `POST /hidden-dangers`. */
export const HiddenDangerReportInputSchema = z.strictObject({
  riskSourceId: z.string().min(1).max(200),
  level: HiddenDangerLevelSchema,
  title: Text(200),
  description: z.string().trim().max(4000).default(""),
});
export type HiddenDangerReportInput = z.infer<typeof HiddenDangerReportInputSchema>;

/** A step's note; the evaluation of the effect for `evaluate`. */
export const HiddenDangerStepInputSchema = z.strictObject({
  note: z.string().trim().min(1).max(2000).optional(),
});
export type HiddenDangerStepInput = z.infer<typeof HiddenDangerStepInputSchema>;

/** Filters of the listing; they only narrow the caller's scope. */
export const HiddenDangerListQuerySchema = z.strictObject({
  level: HiddenDangerLevelSchema.optional(),
  status: HiddenDangerStatusSchema.optional(),
  riskSourceId: z.string().min(1).max(200).optional(),
  /** `true`: only dangers listed for supervision (挂牌督办). */
  supervised: z.enum(["true", "false"]).optional(),
  open: z.enum(["true", "false"]).optional(),
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HiddenDangerListQuery = z.infer<typeof HiddenDangerListQuerySchema>;

/** Where a danger sits on the responsibility chain: its source's place (domain.md §5). */
export function dangerPlaceOf(
  source: Pick<RiskSource, "supervision" | "industry">,
): HiddenDanger["place"] {
  return {
    district: source.supervision.district,
    street: source.supervision.street,
    industry: source.industry,
  };
}
