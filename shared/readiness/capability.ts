import * as z from "zod";
import type { FieldIssue } from "../errors.ts";
import { DateSchema } from "./plan.ts";

/**
 * Emergency-capability assessment (应急能力评估, domain.md §8). No public scoring standard was
 * found, so the checklist is this project's, kept as versioned data like the method profiles:
 * an assessment names the version it answered, and a new version never rescores old ones.
 */
export const CAPABILITY_DIMENSIONS = [
  "organisation",
  "rules",
  "riskControl",
  "plansAndDrills",
  "response",
  "recovery",
  "support",
  "training",
  "evaluation",
] as const;
export type CapabilityDimension = (typeof CAPABILITY_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<CapabilityDimension, { zh: string; en: string }> = {
  organisation: { zh: "组织与职责", en: "Organisation and duties" },
  rules: { zh: "制度建设", en: "Rules" },
  riskControl: { zh: "风险管控与隐患排查", en: "Risk control and hidden dangers" },
  plansAndDrills: { zh: "预案与演练", en: "Plans and drills" },
  response: { zh: "应急处置", en: "Response" },
  recovery: { zh: "恢复与善后", en: "Recovery" },
  support: { zh: "应急保障", en: "Support" },
  training: { zh: "培训与宣传", en: "Training" },
  evaluation: { zh: "评估与改进", en: "Evaluation" },
};

/** How far an item is met; `notApplicable` leaves it out of its dimension's score. */
export const ANSWERS = ["met", "partial", "notMet", "notApplicable"] as const;
export type CapabilityAnswer = (typeof ANSWERS)[number];
const ANSWER_CREDIT: Record<Exclude<CapabilityAnswer, "notApplicable">, number> = {
  met: 1,
  partial: 0.5,
  notMet: 0,
};

const LabelSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export const ChecklistItemSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/),
  label: LabelSchema,
  /** 1–3: how much the item weighs in its dimension. */
  weight: z.number().int().min(1).max(3),
});
export const CapabilityChecklistSchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  effectiveFrom: DateSchema,
  dimensions: z.array(
    z.object({
      dimension: z.enum(CAPABILITY_DIMENSIONS),
      items: z.array(ChecklistItemSchema).min(1),
    }),
  ),
});
export type CapabilityChecklist = z.infer<typeof CapabilityChecklistSchema>;

/** The answers of one assessment: every item of the checklist, keyed by the item's id. */
export const CapabilityAssessmentInputSchema = z.strictObject({
  checklistId: z.string().min(1).max(100),
  checklistVersion: z.number().int().positive(),
  assessedOn: DateSchema,
  answers: z.record(z.string().max(100), z.enum(ANSWERS)),
  /** Who assessed (a person or an agency), as written on the report. */
  assessor: z.string().trim().min(1).max(100),
  notes: z.string().trim().max(4000).default(""),
});
export type CapabilityAssessmentInput = z.infer<typeof CapabilityAssessmentInputSchema>;

export const DimensionScoreSchema = z.object({
  dimension: z.enum(CAPABILITY_DIMENSIONS),
  /** 0–100, or null when every item of the dimension is not applicable. */
  score: z.number().min(0).max(100).nullable(),
  /** Items answered `notMet` or `partial`: what to improve first. */
  gaps: z.array(z.string()),
});
export type DimensionScore = z.infer<typeof DimensionScoreSchema>;

export const CapabilityAssessmentSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  enterpriseName: z.string(),
  checklistId: z.string(),
  checklistVersion: z.number().int(),
  assessedOn: DateSchema,
  assessor: z.string(),
  notes: z.string(),
  answers: z.record(z.string(), z.enum(ANSWERS)),
  /** Weakest first; dimensions without a score last. */
  dimensions: z.array(DimensionScoreSchema),
  /** The mean of the dimensions' scores, 0–100. */
  overall: z.number().min(0).max(100).nullable(),
  createdAt: z.iso.datetime(),
});
export type CapabilityAssessment = z.infer<typeof CapabilityAssessmentSchema>;

/** Where an answer set does not fit its checklist, as field issues under `body.answers`. */
export function answerProblems(
  checklist: CapabilityChecklist,
  answers: Record<string, CapabilityAnswer>,
): FieldIssue[] {
  const known = checklist.dimensions.flatMap((d) => d.items.map((i) => i.id));
  const unknown = Object.keys(answers)
    .filter((id) => !known.includes(id))
    .map((id) => ({
      path: `body.answers.${id}`,
      code: "unrecognized_keys",
      message: { zh: "清单中没有此项", en: "Not an item of the checklist" },
    }));
  const missing = known
    .filter((id) => answers[id] === undefined)
    .map((id) => ({
      path: `body.answers.${id}`,
      code: "invalid_type",
      message: { zh: "此项未作答", en: "Not answered" },
      allowed: ANSWERS,
    }));
  return [...unknown, ...missing];
}

/**
 * Scores each dimension as the weighted share of its applicable items met (partly met counts
 * half), weakest first, and the overall score as their mean. Pure: the history is recomputable.
 */
export function scoreCapability(
  checklist: CapabilityChecklist,
  answers: Record<string, CapabilityAnswer>,
): { dimensions: DimensionScore[]; overall: number | null } {
  const dimensions = checklist.dimensions.map(({ dimension, items }) => {
    let weight = 0;
    let credit = 0;
    const gaps: string[] = [];
    for (const item of items) {
      const answer = answers[item.id] ?? "notMet";
      if (answer === "notApplicable") continue;
      weight += item.weight;
      credit += item.weight * ANSWER_CREDIT[answer];
      if (answer !== "met") gaps.push(item.id);
    }
    const score = weight === 0 ? null : Math.round((credit / weight) * 1000) / 10;
    return { dimension, score, gaps };
  });
  const scored = dimensions.flatMap((d) => (d.score === null ? [] : [d.score]));
  const overall =
    scored.length === 0
      ? null
      : Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10;
  const order = (d: DimensionScore) => d.score ?? Number.POSITIVE_INFINITY;
  return {
    dimensions: [...dimensions].sort(
      (a, b) =>
        order(a) - order(b) ||
        CAPABILITY_DIMENSIONS.indexOf(a.dimension) - CAPABILITY_DIMENSIONS.indexOf(b.dimension),
    ),
    overall,
  };
}
