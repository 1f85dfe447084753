import * as z from "zod";
import { type Level, LevelSchema } from "../methodology/levels.ts";

/** The direct-major rule a hidden danger invokes (domain.md §3 rule 3). */
export const OPEN_MAJOR_HIDDEN_DANGER = "open-major-hidden-danger";

/**
 * On a risk source while an open major hidden danger exists on it: the level is `major` by the
 * rule, the source is listed for supervision (挂牌督办), and the level its assessments give is
 * kept to be restored when the last such danger is closed.
 */
export const HiddenDangerRuleSchema = z.object({
  ruleId: z.literal(OPEN_MAJOR_HIDDEN_DANGER),
  /** The open major hidden dangers, oldest first. */
  hiddenDangerIds: z.array(z.string().min(1)).min(1),
  /** What the assessments alone give (null while none counts). */
  assessedLevel: LevelSchema.nullable(),
  since: z.iso.datetime(),
});
export type HiddenDangerRule = z.infer<typeof HiddenDangerRuleSchema>;

/** The part of a source the rule touches. */
export interface RuledGrade {
  currentLevel: Level | null;
  hiddenDangerRule?: HiddenDangerRule | undefined;
}

/** A major hidden danger opened on the source: it turns (or stays) `major` by the rule. */
export function openMajorDanger<S extends RuledGrade>(
  source: S,
  dangerId: string,
  now: Date,
): S & RuledGrade {
  const rule = source.hiddenDangerRule;
  if (rule?.hiddenDangerIds.includes(dangerId)) return source;
  return {
    ...source,
    currentLevel: "major",
    hiddenDangerRule: rule
      ? { ...rule, hiddenDangerIds: [...rule.hiddenDangerIds, dangerId] }
      : {
          ruleId: OPEN_MAJOR_HIDDEN_DANGER,
          hiddenDangerIds: [dangerId],
          assessedLevel: source.currentLevel,
          since: now.toISOString(),
        },
  };
}

/** A major hidden danger closed: the last one gone restores the assessed level. */
export function closeMajorDanger<S extends RuledGrade>(source: S, dangerId: string): S {
  const rule = source.hiddenDangerRule;
  if (!rule?.hiddenDangerIds.includes(dangerId)) return source;
  const remaining = rule.hiddenDangerIds.filter((id) => id !== dangerId);
  if (remaining.length > 0)
    return { ...source, hiddenDangerRule: { ...rule, hiddenDangerIds: remaining } };
  const { hiddenDangerRule: _gone, ...rest } = source;
  return { ...rest, currentLevel: rule.assessedLevel } as S;
}

/**
 * The grade an assessment gives, under the rule if it holds: the assessed level is kept for
 * later and the source stays `major` (functions/registry/assessments.ts).
 */
export function underDangerRule<G extends { currentLevel: Level | null }>(
  assessed: G,
  rule: HiddenDangerRule | undefined,
): G & { hiddenDangerRule?: HiddenDangerRule } {
  if (!rule) return assessed;
  return {
    ...assessed,
    currentLevel: "major",
    hiddenDangerRule: { ...rule, assessedLevel: assessed.currentLevel },
  };
}
