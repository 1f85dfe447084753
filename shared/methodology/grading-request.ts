import * as z from "zod";

const FactorValue = z.number();

const LecFactorsSchema = z.strictObject({ L: FactorValue, E: FactorValue, C: FactorValue });
/** S may be left out when `dimensions` gives its breakdown (S = the worst dimension). */
const LsFactorsSchema = z.strictObject({ L: FactorValue, S: FactorValue.optional() });

/** Factor values of an LEC (`{L,E,C}`) or LS (`{L,S}`) profile; table checks happen in grade(). */
export const FactorInputSchema = z.union([LecFactorsSchema, LsFactorsSchema]);
export type FactorInput = z.infer<typeof FactorInputSchema>;

/** The LS severity breakdown (domain.md §3): each dimension 1–5, S = the maximum. */
export const SeverityBreakdownSchema = z.strictObject({
  law: FactorValue.optional(),
  people: FactorValue.optional(),
  loss: FactorValue.optional(),
  downtime: FactorValue.optional(),
  reputation: FactorValue.optional(),
});

export const DimensionsInputSchema = z.strictObject({
  current: z.strictObject({ S: SeverityBreakdownSchema }).optional(),
  inherent: z.strictObject({ S: SeverityBreakdownSchema }).optional(),
});

export const DirectRuleClaimSchema = z.strictObject({
  id: z.string().min(1),
  evidence: z.string().trim().min(1),
});
export type DirectRuleClaimInput = z.infer<typeof DirectRuleClaimSchema>;

/**
 * Body of the grading preview request. Shapes only (strict: unknown keys rejected); whether the
 * values are in the profile's tables and the rules exist is decided by `grade()`.
 */
export const GradingPreviewRequestSchema = z.strictObject({
  profileId: z.string().min(1),
  profileVersion: z.number().int().positive().optional(),
  current: FactorInputSchema,
  inherent: FactorInputSchema.optional(),
  dimensions: DimensionsInputSchema.optional(),
  directRules: z.array(DirectRuleClaimSchema).max(20).optional(),
  controlsRecorded: z.boolean().optional(),
});
export type GradingPreviewRequest = z.infer<typeof GradingPreviewRequestSchema>;
