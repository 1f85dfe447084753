import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { ConflictError } from "../errors.ts";
import { type Level, LevelSchema, levelRank } from "../methodology/levels.ts";
import {
  awaitResolution,
  ChainStepSchema,
  type Escalation,
  EscalationSchema,
  escalateIfDue,
  startEscalation,
} from "./escalation.ts";
import { type EscalationTiming, WarningRuleSchema, type WarningTerms } from "./rules.ts";
import type { SignalDetail, WarningSignal } from "./signals.ts";

/**
 * A warning's lifecycle (预警处置): open → acknowledged → handling → resolved → closed, or
 * cleared when the cause recovers by itself. Open, acknowledged and handling are "live": one
 * per (source, rule) at a time.
 */
export const WARNING_STATUSES = [
  "open",
  "acknowledged",
  "handling",
  "resolved",
  "closed",
  "cleared",
] as const;
export const WarningStatusSchema = z.enum(WARNING_STATUSES);
export type WarningStatus = z.infer<typeof WarningStatusSchema>;

const LIVE: ReadonlySet<WarningStatus> = new Set(["open", "acknowledged", "handling"]);

export function isLive(status: WarningStatus): boolean {
  return LIVE.has(status);
}

export const WarningActionSchema = z.enum(["acknowledge", "handle", "resolve", "close"]);
export type WarningAction = z.infer<typeof WarningActionSchema>;

export const TimelineEntrySchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum([
    "raised",
    "refired",
    "acknowledged",
    "handling",
    "resolved",
    "closed",
    "cleared",
    /** Cleared because the enterprise removed the source (`by` names who). */
    "sourceRemoved",
    "escalated",
  ]),
  /** The user who acted; absent for what the system did. */
  by: z.string().optional(),
  note: z.string().optional(),
  level: LevelSchema.optional(),
  step: ChainStepSchema.optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const SignalDetailSchema = z.object({
  indicatorId: z.string().optional(),
  value: z.number().optional(),
  threshold: z.number().optional(),
  unit: z.string().optional(),
  predictedAt: z.iso.datetime().optional(),
  dueAt: z.iso.datetime().optional(),
  lastReadingAt: z.iso.datetime().nullable().optional(),
  hiddenDangerId: z.string().optional(),
});

export const WarningSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  riskSourceId: z.string().min(1),
  riskSourceName: z.string(),
  enterpriseName: z.string(),
  place: z.object({ district: DistrictCodeSchema, street: z.string(), industry: IndustryIdSchema }),
  rule: WarningRuleSchema,
  ruleSet: z.object({ id: z.string(), version: z.number().int().positive() }),
  level: LevelSchema,
  status: WarningStatusSchema,
  raisedAt: z.iso.datetime(),
  lastFiredAt: z.iso.datetime(),
  fireCount: z.number().int().positive(),
  detail: SignalDetailSchema,
  /**
   * While live, the indicators whose breach holds the warning open: several sensors of a source
   * may breach under one rule, and the warning may clear only when the last of them recovers.
   * Absent on warnings of source-level rules and on those stored before it was kept (read
   * through `holdersOf`).
   */
  holders: z.array(z.string()).optional(),
  escalation: EscalationSchema,
  timeline: z.array(TimelineEntrySchema),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
});
export type Warning = z.infer<typeof WarningSchema>;

/**
 * The indicators holding a warning open. A warning stored before holders were kept knows only
 * the indicator that fired it last; one of a source-level rule has none.
 */
export function holdersOf(warning: Warning): readonly string[] {
  if (warning.holders !== undefined) return warning.holders;
  return warning.detail.indicatorId === undefined ? [] : [warning.detail.indicatorId];
}

/** The timeline keeps its first entry and the latest ones: a flapping sensor cannot grow it. */
const TIMELINE_MAX = 100;

function appendTimeline(timeline: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  const next = [...timeline, entry];
  if (next.length <= TIMELINE_MAX) return next;
  return [next[0] as TimelineEntry, ...next.slice(next.length - TIMELINE_MAX + 1)];
}

export interface RaiseContext extends WarningTerms {
  id: string;
  tenantId: string;
  riskSourceId: string;
  riskSourceName: string;
  enterpriseName: string;
  place: Warning["place"];
}

/** A new live warning for a raise signal, its escalation clock started at the enterprise. */
export function raiseWarning(
  signal: Extract<WarningSignal, { kind: "raise" }>,
  context: RaiseContext,
  now: Date,
): Warning {
  const at = now.toISOString();
  const escalation = startEscalation(signal.level, context.timing, now);
  return {
    id: context.id,
    tenantId: context.tenantId,
    riskSourceId: context.riskSourceId,
    riskSourceName: context.riskSourceName,
    enterpriseName: context.enterpriseName,
    place: context.place,
    rule: signal.rule,
    ruleSet: { id: context.rules.id, version: context.rules.version },
    level: signal.level,
    status: "open",
    raisedAt: at,
    lastFiredAt: at,
    fireCount: 1,
    detail: detailOf(signal.detail),
    ...(signal.detail.indicatorId === undefined ? {} : { holders: [signal.detail.indicatorId] }),
    escalation,
    timeline: [{ at, kind: "raised", level: signal.level, step: escalation.step }],
    version: 1,
    updatedAt: at,
  };
}

function detailOf(d: SignalDetail): Warning["detail"] {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
}

/**
 * The same rule fired again on a live warning: it is updated, never duplicated. A more severe
 * level raises the warning's level (and restarts the acknowledge clock if it is still open).
 * The detail becomes the latest signal's, so the indicator that fired joins the holders: the
 * ones that fired before still hold the warning though the detail no longer names them.
 */
export function refireWarning(
  warning: Warning,
  signal: Extract<WarningSignal, { kind: "raise" }>,
  timing: EscalationTiming,
  now: Date,
): Warning {
  const at = now.toISOString();
  const higher = levelRank(signal.level) > levelRank(warning.level);
  const level: Level = higher ? signal.level : warning.level;
  const escalation: Escalation =
    higher && warning.status === "open"
      ? { ...startEscalation(level, timing, now), step: warning.escalation.step }
      : warning.escalation;
  const by = signal.detail.indicatorId;
  const held = holdersOf(warning);
  const holders = by === undefined || held.includes(by) ? held : [...held, by];
  return {
    ...warning,
    level,
    lastFiredAt: at,
    fireCount: warning.fireCount + 1,
    detail: detailOf(signal.detail),
    ...(holders.length > 0 ? { holders: [...holders] } : {}),
    escalation,
    timeline: appendTimeline(warning.timeline, { at, kind: "refired", level }),
    version: warning.version + 1,
    updatedAt: at,
  };
}

/**
 * The cause went away — it recovered, or `removedBy` removed its source: a live warning is
 * cleared (its escalation stops).
 */
export function clearWarning(
  warning: Warning,
  now: Date,
  removedBy: string | undefined = undefined,
): Warning | undefined {
  if (!isLive(warning.status)) return undefined;
  const at = now.toISOString();
  const entry: TimelineEntry =
    removedBy === undefined
      ? { at, kind: "cleared" }
      : { at, kind: "sourceRemoved", by: removedBy };
  return {
    ...warning,
    status: "cleared",
    escalation: { ...warning.escalation, dueAt: null },
    timeline: appendTimeline(warning.timeline, entry),
    version: warning.version + 1,
    updatedAt: at,
  };
}

/**
 * What a clear signal does to a live warning. `released`: the signalling indicator recovered
 * but others still breach, so the warning stays live without it; `cleared`: the cause is gone.
 */
export type ClearOutcome =
  | { kind: "none" }
  | { kind: "released"; warning: Warning }
  | { kind: "cleared"; warning: Warning };

/**
 * A clear signal on a warning. An indicator that does not hold the warning changes nothing (its
 * recovery is not the cause's); one holder of several releases its hold; the last holder, or a
 * signal of a source-level rule (no indicator), clears the warning.
 */
export function applyClear(
  warning: Warning,
  signal: Extract<WarningSignal, { kind: "clear" }>,
  now: Date,
): ClearOutcome {
  if (!isLive(warning.status)) return { kind: "none" };
  const by = signal.detail.indicatorId;
  const held = holdersOf(warning);
  // A signal or a warning that names no indicator (source-level rules) leaves nothing to match:
  // the rule's own verdict clears it, as it always did.
  if (by !== undefined && held.length > 0) {
    if (!held.includes(by)) return { kind: "none" };
    const rest = held.filter((id) => id !== by);
    if (rest.length > 0) {
      const at = now.toISOString();
      return {
        kind: "released",
        warning: { ...warning, holders: rest, version: warning.version + 1, updatedAt: at },
      };
    }
  }
  const cleared = clearWarning(warning, now);
  return cleared ? { kind: "cleared", warning: cleared } : { kind: "none" };
}

export class WarningTransitionError extends ConflictError {
  constructor(status: WarningStatus, action: WarningAction) {
    super({
      zh: `预警处于“${status}”状态，不能执行“${action}”`,
      en: `A warning in status ${status} cannot be ${action}d`,
    });
  }
}

const TARGET: Readonly<Record<WarningAction, WarningStatus>> = {
  acknowledge: "acknowledged",
  handle: "handling",
  resolve: "resolved",
  close: "closed",
};

/** Statuses each action may start from; reaching its own target again is a harmless no-op. */
const FROM: Readonly<Record<WarningAction, readonly WarningStatus[]>> = {
  acknowledge: ["open"],
  handle: ["open", "acknowledged"],
  resolve: ["open", "acknowledged", "handling"],
  close: ["resolved", "cleared"],
};

/** Already past the action's target: repeating it changes nothing (acknowledging twice is harmless). */
const PAST: Readonly<Record<WarningAction, readonly WarningStatus[]>> = {
  acknowledge: ["acknowledged", "handling", "resolved", "closed", "cleared"],
  handle: ["handling"],
  resolve: ["resolved", "closed"],
  close: ["closed"],
};

/** Whether the warning is already at or past what the action would do (a repeat is harmless). */
export function alreadyTaken(status: WarningStatus, action: WarningAction): boolean {
  return PAST[action].includes(status);
}

/**
 * A person's step on a warning, with an optional note. Returns undefined when the warning is
 * already there (a no-op, so a retry or a second click is harmless); throws when the step does
 * not follow from the status. Acknowledging starts the resolve clock; resolving stops it.
 */
export function transitionWarning(
  warning: Warning,
  action: WarningAction,
  by: string,
  note: string | undefined,
  timing: EscalationTiming,
  now: Date,
): Warning | undefined {
  if (alreadyTaken(warning.status, action)) return undefined;
  if (!FROM[action].includes(warning.status))
    throw new WarningTransitionError(warning.status, action);
  const at = now.toISOString();
  const status = TARGET[action];
  const escalation =
    status === "acknowledged" || (status === "handling" && warning.status === "open")
      ? awaitResolution(warning.escalation, warning.level, timing, now)
      : status === "resolved" || status === "closed"
        ? { ...warning.escalation, dueAt: null }
        : warning.escalation;
  return {
    ...warning,
    status,
    escalation,
    timeline: appendTimeline(warning.timeline, {
      at,
      kind: status === "handling" ? "handling" : status,
      by,
      ...(note ? { note } : {}),
    } as TimelineEntry),
    version: warning.version + 1,
    updatedAt: at,
  };
}

/** One climb of the chain when the deadline passed; undefined when nothing is due. */
export function escalateWarning(
  warning: Warning,
  timing: EscalationTiming,
  now: Date,
): Warning | undefined {
  if (!isLive(warning.status)) return undefined;
  const next = escalateIfDue(warning.escalation, warning.level, timing, now);
  if (!next) return undefined;
  const at = now.toISOString();
  return {
    ...warning,
    escalation: next,
    timeline: appendTimeline(warning.timeline, {
      at,
      kind: "escalated",
      step: next.step,
      level: warning.level,
      note: next.awaiting === "acknowledge" ? "unacknowledged" : "unresolved",
    }),
    version: warning.version + 1,
    updatedAt: at,
  };
}
