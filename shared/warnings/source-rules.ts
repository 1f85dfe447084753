import type { Level } from "../methodology/levels.ts";
import type { WarningRuleSet } from "./rules.ts";
import type { WarningSignal } from "./signals.ts";

/**
 * A source's assessed level becoming `major` raises at once — an enterprise's submitted
 * self-assessment counts before any official reviews it, so officials hear of it first; the
 * level leaving `major` clears it.
 */
export function assessedLevelSignal(
  before: Level | null,
  after: Level | null,
  now: Date,
): WarningSignal | undefined {
  const at = now.toISOString();
  if (after === "major" && before !== "major") {
    return { rule: "assessed-major", kind: "raise", level: "major", at, detail: {} };
  }
  if (before === "major" && after !== "major") {
    return { rule: "assessed-major", kind: "clear", at, detail: {} };
  }
  return undefined;
}

/**
 * A review past its due date (domain.md §4) warns at the source's own level; a source with no
 * review due, or reviewed since, has nothing overdue.
 */
export function reviewOverdueSignal(
  source: { currentLevel: Level | null; nextReviewAt: string | null },
  now: Date,
  rules: WarningRuleSet,
): WarningSignal | undefined {
  if (source.nextReviewAt === null || source.currentLevel === null) return undefined;
  const due = Date.parse(source.nextReviewAt) + rules.reviewGraceDays * 86_400_000;
  if (now.getTime() < due) return undefined;
  return {
    rule: "review-overdue",
    kind: "raise",
    level: source.currentLevel,
    at: now.toISOString(),
    detail: { dueAt: source.nextReviewAt },
  };
}

/**
 * A hidden danger past its rectification deadline or its 10-day acceptance (domain.md §7) warns
 * at the danger's grade: a major one red, a general one yellow.
 */
export function hiddenDangerOverdueSignal(
  danger: { id: string; level: "general" | "major" },
  overdue: { dueAt: string },
  now: Date,
): WarningSignal {
  return {
    rule: "hidden-danger-overdue",
    kind: "raise",
    level: danger.level === "major" ? "major" : "general",
    at: now.toISOString(),
    detail: { hiddenDangerId: danger.id, dueAt: overdue.dueAt },
  };
}
