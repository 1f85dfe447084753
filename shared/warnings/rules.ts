import * as z from "zod";
import { type Level, LevelSchema } from "../methodology/levels.ts";

/**
 * The warning rules (预警规则), versioned data like method profiles (domain.md §1): a published
 * rule set is immutable; every warning names the rule set id and version it was raised under.
 */
export const WARNING_RULES = [
  /** A reading beyond a threshold for the indicator's sustain period (持续超限). */
  "threshold-sustained",
  /** The recent trend crosses a threshold within the horizon (预测预警). */
  "threshold-predicted",
  /** The source's assessed level became `major` (评估为重大风险), submitted counts at once. */
  "assessed-major",
  /** The source's review date passed (复评逾期, domain.md §4). */
  "review-overdue",
  /** An indicator sent nothing for its stale-data limit (传感器离线). */
  "sensor-stale",
  /** A hidden danger's rectification deadline, or its 10-day acceptance, passed (隐患逾期, domain.md §7). */
  "hidden-danger-overdue",
  /** A major source without its one-to-one emergency plan (一源一案, domain.md §5). */
  "plan-missing",
  /** A major source without a drill in the last 12 months (演练逾期, domain.md §5). */
  "drill-overdue",
] as const;
export const WarningRuleSchema = z.enum(WARNING_RULES);
export type WarningRule = z.infer<typeof WarningRuleSchema>;

const PerLevelMinutes = z.strictObject({
  major: z.number().int().min(1).max(43_200),
  significant: z.number().int().min(1).max(43_200),
  general: z.number().int().min(1).max(43_200),
  low: z.number().int().min(1).max(43_200),
});

/** How long a warning may wait at one step of the chain before it climbs (分级响应时限). */
export const EscalationTimingSchema = z.strictObject({
  /** Minutes to acknowledge before the next step of the chain is told. */
  acknowledgeMinutes: PerLevelMinutes,
  /** Minutes from acknowledgement to resolution before it climbs again. */
  resolveMinutes: PerLevelMinutes,
});
export type EscalationTiming = z.infer<typeof EscalationTimingSchema>;

export const WarningRuleSetSchema = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().positive(),
  status: z.enum(["published", "draft"]),
  predicted: z.strictObject({
    /** The trend is fitted over the readings of this recent window. */
    windowSeconds: z.number().int().min(60),
    /** It raises when the fitted line crosses a threshold within this horizon. */
    horizonSeconds: z.number().int().min(60),
    /** Fewer readings than this in the window predict nothing. */
    minPoints: z.number().int().min(3),
    /** The state item keeps at most this many readings (it must stay small). */
    maxPoints: z.number().int().min(3).max(200),
  }),
  /** Level of a warning that a stale sensor raises. */
  staleLevel: LevelSchema,
  /** Days after the due date before an overdue review warns. */
  reviewGraceDays: z.number().int().min(0),
  escalation: EscalationTimingSchema,
});
export type WarningRuleSet = z.infer<typeof WarningRuleSetSchema>;

/**
 * Product defaults: red acknowledged within 15 minutes, orange 30, yellow 4 hours, blue 24 hours
 * at each step of the responsibility chain (issue 11); resolution deadlines are product defaults.
 */
export const DEFAULT_RULE_SET: WarningRuleSet = Object.freeze({
  id: "warning-rules-default",
  version: 1,
  status: "published",
  predicted: { windowSeconds: 1800, horizonSeconds: 3600, minPoints: 5, maxPoints: 60 },
  staleLevel: "general",
  reviewGraceDays: 0,
  escalation: {
    acknowledgeMinutes: { major: 15, significant: 30, general: 240, low: 1440 },
    resolveMinutes: { major: 240, significant: 480, general: 2880, low: 10_080 },
  },
}) as WarningRuleSet;

/** What a warning is raised under: the rule set in force and its district's deadlines. */
export interface WarningTerms {
  rules: WarningRuleSet;
  timing: EscalationTiming;
}

/** Minutes to the next escalation of a warning at `level` waiting for `what`. */
export function deadlineMinutes(
  timing: EscalationTiming,
  level: Level,
  what: "acknowledge" | "resolve",
): number {
  return what === "acknowledge" ? timing.acknowledgeMinutes[level] : timing.resolveMinutes[level];
}
