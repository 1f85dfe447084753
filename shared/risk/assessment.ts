import * as z from "zod";
import { FactorValuesSchema, GradeSchema } from "../methodology/grade-schema.ts";
import {
  DimensionsInputSchema,
  DirectRuleClaimSchema,
  FactorInputSchema,
} from "../methodology/grading-request.ts";
import { StoredMetaSchema, Text } from "./common.ts";

/** Why an assessment was made (domain.md §1, §4: periodic review or an early trigger). */
export const AssessmentTriggerSchema = z.enum([
  "initial",
  "periodic",
  "hiddenDanger",
  "controlChange",
  "monitoringWarning",
  "accident",
  "profileChange",
  "other",
]);
export type AssessmentTrigger = z.infer<typeof AssessmentTriggerSchema>;

/** Submitted assessments are accepted or rejected; an accepted one is superseded by the next. */
export const AssessmentStatusSchema = z.enum(["submitted", "accepted", "rejected", "superseded"]);
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>;

/**
 * Submitting an assessment: both inherent and current inputs (domain.md §3), the profile and
 * optionally its version (latest published otherwise). Values are checked by `grade()`.
 */
export const AssessmentCreateInputSchema = z.strictObject({
  riskSourceId: z.string().min(1),
  profileId: z.string().min(1),
  profileVersion: z.number().int().positive().optional(),
  current: FactorInputSchema,
  inherent: FactorInputSchema,
  dimensions: DimensionsInputSchema.optional(),
  directRules: z.array(DirectRuleClaimSchema).max(20).optional(),
  trigger: AssessmentTriggerSchema,
  note: Text(2000).optional(),
});
export type AssessmentCreateInput = z.infer<typeof AssessmentCreateInputSchema>;

/** Accepting or rejecting a submitted assessment; a rejection needs a comment. */
export const AssessmentDecisionInputSchema = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("accept"), comment: Text(1000).optional() }),
  z.strictObject({ decision: z.literal("reject"), comment: Text(1000) }),
]);
export type AssessmentDecisionInput = z.infer<typeof AssessmentDecisionInputSchema>;

/** An assessment as stored: inputs, the profile id and version, and the grade (domain.md §1). */
export const AssessmentSchema = StoredMetaSchema.extend({
  riskSourceId: z.string().min(1),
  profileId: z.string().min(1),
  profileVersion: z.number().int().positive(),
  inputs: z.object({
    current: FactorValuesSchema,
    inherent: FactorValuesSchema,
    dimensions: z
      .object({
        current: z.record(z.string(), FactorValuesSchema).optional(),
        inherent: z.record(z.string(), FactorValuesSchema).optional(),
      })
      .optional(),
    directRules: z.array(z.object({ id: z.string(), evidence: z.string() })),
    controlsRecorded: z.boolean(),
  }),
  grade: GradeSchema,
  status: AssessmentStatusSchema,
  trigger: AssessmentTriggerSchema,
  assessedBy: z.string().min(1),
  gradedAt: z.iso.datetime(),
  decidedBy: z.string().min(1).nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionComment: z.string().nullable(),
  /** Set when accepted: gradedAt plus the profile's cadence for the level (domain.md §4). */
  nextReviewAt: z.iso.datetime().nullable(),
  note: z.string().optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
