import * as z from "zod";
import { LevelSchema } from "../levels.ts";
import { findProfileProblems } from "./profile-checks.ts";

export const BilingualSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const MethodKindSchema = z.enum(["lec", "ls", "mes"]);
export type MethodKind = z.infer<typeof MethodKindSchema>;

/**
 * `published` versions are immutable and gradable; a `template` is an unfinished draft; a
 * `retired` version (once published) grades nothing new, and its sources are re-evaluated.
 */
export const ProfileStatusSchema = z.enum(["published", "template", "retired"]);
export type ProfileStatus = z.infer<typeof ProfileStatusSchema>;

/** One allowed value of a factor with its Chinese (and English) description. */
export const FactorValueSchema = z.strictObject({
  value: z.number().positive(),
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type FactorValue = z.infer<typeof FactorValueSchema>;

/** One dimension of a factor whose value is the worst of several (LS severity, domain.md §3). */
export const FactorDimensionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z]*$/),
  name: BilingualSchema,
  values: z.array(FactorValueSchema),
});
export type FactorDimension = z.infer<typeof FactorDimensionSchema>;

export const FactorSchema = z.strictObject({
  letter: z.string().regex(/^[A-Z]$/),
  name: BilingualSchema,
  /** Allowed values, most severe first as in the published tables; only these are valid. */
  values: z.array(FactorValueSchema),
  /** When present, the factor may be given as a breakdown and equals the maximum of it. */
  dimensions: z.array(FactorDimensionSchema).optional(),
});
export type Factor = z.infer<typeof FactorSchema>;

/** A band edge; `inclusive: true` means the edge value itself belongs to the band. */
export const BoundSchema = z.strictObject({ value: z.number(), inclusive: z.boolean() });
export type Bound = z.infer<typeof BoundSchema>;

/**
 * A score band: `min` and `max` are both optional (open-ended); a score belongs to the band when
 * it is above `min` (or equal, if inclusive) and below `max` (or equal, if inclusive).
 */
export const BandSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  level: LevelSchema,
  name: BilingualSchema.optional(),
  min: BoundSchema.optional(),
  max: BoundSchema.optional(),
});
export type Band = z.infer<typeof BandSchema>;

/** 直接判定为重大风险 rule (domain.md §3). */
export const DirectMajorRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: BilingualSchema,
  basis: BilingualSchema,
  /** What the enterprise must attach when it claims the rule. */
  evidenceRequired: BilingualSchema,
});
export type DirectMajorRule = z.infer<typeof DirectMajorRuleSchema>;

/** Days from an accepted assessment to the next review, per level (domain.md §4). */
export const ReviewCadenceSchema = z.strictObject({
  major: z.number().int().positive(),
  significant: z.number().int().positive(),
  general: z.number().int().positive(),
  low: z.number().int().positive(),
});
export type ReviewCadence = z.infer<typeof ReviewCadenceSchema>;

const MethodProfileObjectSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  kind: MethodKindSchema,
  status: ProfileStatusSchema,
  name: BilingualSchema,
  description: BilingualSchema.optional(),
  /** The score's symbol and name, e.g. D 危险性 for LEC; the score is the product of factors. */
  score: z.strictObject({ symbol: z.string().regex(/^[A-Z]$/), name: BilingualSchema }),
  factors: z.array(FactorSchema).min(1),
  bands: z.array(BandSchema),
  directMajorRules: z.array(DirectMajorRuleSchema),
  reviewCadenceDays: ReviewCadenceSchema,
});

/**
 * A method profile (评估方法配置) as versioned data (domain.md §1). A published profile must
 * have non-empty factor tables and bands that cover every reachable score exactly once, with
 * levels never decreasing as the score grows (checked by `findProfileProblems`).
 */
export const MethodProfileSchema = MethodProfileObjectSchema.superRefine((profile, ctx) => {
  for (const problem of findProfileProblems(profile)) {
    ctx.addIssue({ code: "custom", message: problem.en, path: [] });
  }
});
export type MethodProfile = z.infer<typeof MethodProfileObjectSchema>;
