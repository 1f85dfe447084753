import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { ContactSchema, ContactViewSchema, Text } from "../risk/common.ts";

/** A calendar date (Beijing), `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();

/** Plan documents: PDF or Word, at most 20 MB (an upload by presigned URL, checked on the way in). */
export const PLAN_DOCUMENT_TYPES = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;
export const PLAN_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export const PlanDocumentSchema = z.object({
  key: z.string(),
  fileName: z.string(),
  contentType: z.enum(PLAN_DOCUMENT_TYPES),
  size: z.number().int().positive(),
  uploadedAt: z.iso.datetime(),
});

const planFields = {
  title: Text(200),
  /** The plan's own number, as filed with the territorial government (备案编号). */
  filingNumber: z.string().trim().max(100).default(""),
  issuedOn: DateSchema,
  /** Scenarios the plan covers, e.g. 油罐火灾, 卸油泄漏. */
  scenarios: z.array(Text(200)).min(1).max(30),
  /** The key measures: who alarms, evacuates, isolates; where people gather. */
  keyMeasures: z.string().trim().min(1).max(4000),
  commander: ContactSchema,
};

/** The one-to-one plan of a risk source (一源一案, domain.md §5); `riskSourceId` names it. */
export const PlanCreateInputSchema = z.strictObject({
  riskSourceId: z.string().min(1).max(200),
  ...planFields,
});
export type PlanCreateInput = z.infer<typeof PlanCreateInputSchema>;

export const PlanUpdateInputSchema = z
  .strictObject({
    ...planFields,
    filingNumber: z.string().trim().max(100),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段 / nothing to update" });
export type PlanUpdateInput = z.infer<typeof PlanUpdateInputSchema>;

export const EmergencyPlanSchema = z.object({
  ...planFields,
  filingNumber: z.string(),
  id: z.string(),
  tenantId: z.string(),
  riskSourceId: z.string(),
  riskSourceName: z.string(),
  /** The territorial governments it is shared with (属地: the street and the district). */
  sharedWith: z.object({ district: DistrictCodeSchema, street: z.string() }),
  document: PlanDocumentSchema.nullable(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EmergencyPlan = z.infer<typeof EmergencyPlanSchema>;
export const EmergencyPlanViewSchema = EmergencyPlanSchema.extend({ commander: ContactViewSchema });

/** The plan of a source has the source's id with this suffix: one plan per source. */
export function planIdOf(riskSourceId: string): string {
  return `${riskSourceId}~plan`;
}
export function sourceOfPlan(planId: string): string | undefined {
  return planId.endsWith("~plan") ? planId.slice(0, -"~plan".length) : undefined;
}

export const FollowUpSchema = z.strictObject({
  action: Text(300),
  owner: Text(50),
  dueOn: DateSchema,
  done: z.boolean().default(false),
});

/** A drill (应急演练): when, who, what was rehearsed, what was found and what follows. */
export const DrillCreateInputSchema = z.strictObject({
  riskSourceId: z.string().min(1).max(200),
  heldOn: DateSchema,
  scenario: Text(300),
  kind: z.enum(["tabletop", "functional", "fullScale"]),
  participants: z.strictObject({
    count: z.number().int().min(1).max(100_000),
    /** Units taking part besides the enterprise: the street, the fire brigade, a hospital. */
    units: z.array(Text(100)).max(30).default([]),
  }),
  findings: z.string().trim().max(4000).default(""),
  followUps: z.array(FollowUpSchema).max(50).default([]),
});
export type DrillCreateInput = z.infer<typeof DrillCreateInputSchema>;

export const DrillSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  riskSourceId: z.string(),
  heldOn: DateSchema,
  scenario: z.string(),
  kind: z.enum(["tabletop", "functional", "fullScale"]),
  participants: z.object({ count: z.number().int(), units: z.array(z.string()) }),
  findings: z.string(),
  followUps: z.array(
    z.object({ action: z.string(), owner: z.string(), dueOn: DateSchema, done: z.boolean() }),
  ),
  createdAt: z.iso.datetime(),
});
export type Drill = z.infer<typeof DrillSchema>;
