import * as z from "zod";
import { LevelSchema } from "./levels.ts";
import { BilingualSchema } from "./profiles/profile-schema.ts";

/** Factor values by letter, e.g. `{ L: 3, E: 10, C: 15 }`. */
export const FactorValuesSchema = z.record(z.string(), z.number());
export type FactorValues = z.infer<typeof FactorValuesSchema>;

/** Which band of the profile, or which direct-major rule, decided the level (domain.md §1). */
export const DecidedBySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("band"), id: z.string() }),
  z.object({ kind: z.literal("rule"), id: z.string() }),
]);
export type DecidedBy = z.infer<typeof DecidedBySchema>;

/** The grade of one set of inputs (current or inherent). */
export const GradeOutcomeSchema = z.object({
  level: LevelSchema,
  score: z.number(),
  /** The factor values used, with a factor derived from its dimension breakdown filled in. */
  factors: FactorValuesSchema,
  /** The band the score alone falls in; differs from `level` when a rule decided. */
  scoreBand: z.object({ id: z.string(), level: LevelSchema }),
  decidedBy: DecidedBySchema,
  explanation: BilingualSchema,
});
export type GradeOutcome = z.infer<typeof GradeOutcomeSchema>;

/** Flags of domain.md §3 "Inherent and current risk". */
export const GradeConsistencySchema = z.object({
  currentAboveInherent: z.boolean(),
  loweredWithoutControls: z.boolean(),
});
export type GradeConsistency = z.infer<typeof GradeConsistencySchema>;

/** A grade as stored on an assessment: the current outcome, the profile and the inherent one. */
export const GradeSchema = GradeOutcomeSchema.extend({
  profileId: z.string(),
  profileVersion: z.number().int().positive(),
  inherent: GradeOutcomeSchema.optional(),
  consistency: GradeConsistencySchema,
});
export type Grade = z.infer<typeof GradeSchema>;

/** A claimed direct-major rule with the evidence attached (text or an attachment reference). */
export interface DirectRuleClaim {
  id: string;
  evidence: string;
}

/** Breakdown of factors with dimensions, e.g. `{ S: { people: 4, loss: 3 } }`. */
export type DimensionValues = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** What `grade` takes. Values are validated against the profile, never trusted. */
export interface GradingInput {
  current: Readonly<Record<string, number>>;
  inherent?: Readonly<Record<string, number>> | undefined;
  dimensions?: { current?: DimensionValues; inherent?: DimensionValues } | undefined;
  directRules?: readonly DirectRuleClaim[] | undefined;
  /** Whether controls are recorded on the source; omitted counts as none (domain.md §3). */
  controlsRecorded?: boolean | undefined;
}
