import * as z from "zod";
import { LevelSchema } from "../shared/methodology/levels.ts";

/**
 * An assessment (风险评估) was graded: submitted by the enterprise (status `submitted`) or
 * decided by an official (`accepted` / `returned`). `level` is the assessment's own grade.
 */
export const type = "assessment.graded";
export const version = 1;

export const AssessmentGradedV1Schema = z.object({
  assessmentId: z.string().min(1),
  riskSourceId: z.string().min(1),
  level: LevelSchema,
  score: z.number(),
  status: z.enum(["submitted", "accepted", "returned"]),
  gradedAt: z.iso.datetime(),
});
export type AssessmentGradedV1 = z.infer<typeof AssessmentGradedV1Schema>;
