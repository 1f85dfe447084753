import * as z from "zod";
import { FactorValuesSchema, GradeSchema } from "../methodology/grade-schema.ts";
import { GradingPreviewRequestSchema } from "../methodology/grading-request.ts";
import { AssessmentStatusSchema } from "./assessment-status.ts";
import { StoredMetaSchema, Text } from "./common.ts";

export { type AssessmentStatus, AssessmentStatusSchema } from "./assessment-status.ts";

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

/**
 * Submitting an assessment of a source: the grading preview's body (profile, current and
 * optional inherent inputs, direct-major claims with evidence, domain.md §3) plus why it was made.
 * Whether controls are recorded is read from the source, never taken from the request.
 */
export const AssessmentCreateInputSchema = GradingPreviewRequestSchema.omit({
  controlsRecorded: true,
}).extend({
  trigger: AssessmentTriggerSchema.optional(),
  note: Text(2000).optional(),
});
export type AssessmentCreateInput = z.infer<typeof AssessmentCreateInputSchema>;

/** An official's review of a submitted assessment; returning it needs a comment. */
export const AssessmentReviewInputSchema = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("accept"), comment: Text(1000).optional() }),
  z.strictObject({ decision: z.literal("return"), comment: Text(1000) }),
]);
export type AssessmentReviewInput = z.infer<typeof AssessmentReviewInputSchema>;

/** An assessment as stored: inputs, the profile id and version, and the grade (domain.md §1). */
export const AssessmentSchema = StoredMetaSchema.extend({
  riskSourceId: z.string().min(1),
  profileId: z.string().min(1),
  profileVersion: z.number().int().positive(),
  inputs: z.object({
    current: FactorValuesSchema,
    inherent: FactorValuesSchema.optional(),
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
  review: z
    .object({
      decision: z.enum(["accept", "return"]),
      by: z.string().min(1),
      byTenantId: z.string().min(1),
      at: z.iso.datetime(),
      comment: z.string().optional(),
    })
    .nullable(),
  /** gradedAt plus the profile's cadence for the level (domain.md §4). */
  nextReviewAt: z.iso.datetime(),
  note: z.string().optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** A row of the review queue: the assessment with what the official needs to recognise it. */
export const ReviewQueueItemSchema = AssessmentSchema.extend({
  riskSourceName: z.string().optional(),
  enterpriseName: z.string().optional(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;
