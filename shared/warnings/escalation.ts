import * as z from "zod";
import type { Level } from "../methodology/levels.ts";
import { deadlineMinutes, type EscalationTiming } from "./rules.ts";

/**
 * The responsibility chain a warning climbs (domain.md §5, 三个责任): the enterprise's
 * responsible person, the street/town, the district, the industry department, the city safety
 * committee.
 */
export const CHAIN_STEPS = ["enterprise", "street", "district", "industry", "city"] as const;
export const ChainStepSchema = z.enum(CHAIN_STEPS);
export type ChainStep = z.infer<typeof ChainStepSchema>;

/** Where a source sits: what the chain's steps resolve to. */
export interface ChainPlace {
  district: string;
  street: string;
  industry: string;
}

/**
 * The jurisdictions (token form, shared/tenancy/claims.ts) of the officials responsible at a
 * step, for the delivery side to resolve recipients; the enterprise step names none (the
 * enterprise's own people are its tenant's).
 */
export function jurisdictionsAt(step: ChainStep, place: ChainPlace): string[] {
  switch (step) {
    case "enterprise":
      return [];
    case "street":
      return [`d:${place.district}/${place.street}`];
    case "district":
      return [`d:${place.district}`];
    case "industry":
      return [`i:${place.industry}`];
    case "city":
      return ["*"];
  }
}

export const EscalationSchema = z.object({
  step: ChainStepSchema,
  /** When it climbs next if nothing happens; null at the top of the chain. */
  dueAt: z.iso.datetime().nullable(),
  /** What the deadline waits for. */
  awaiting: z.enum(["acknowledge", "resolve"]),
});
export type Escalation = z.infer<typeof EscalationSchema>;

function plus(now: Date, minutes: number): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/** The escalation of a new warning: at the enterprise, due by the level's acknowledge time. */
export function startEscalation(level: Level, timing: EscalationTiming, now: Date): Escalation {
  return {
    step: "enterprise",
    dueAt: plus(now, deadlineMinutes(timing, level, "acknowledge")),
    awaiting: "acknowledge",
  };
}

/** After acknowledgement the clock waits for resolution, at the same step. */
export function awaitResolution(
  escalation: Escalation,
  level: Level,
  timing: EscalationTiming,
  now: Date,
): Escalation {
  return {
    ...escalation,
    dueAt: plus(now, deadlineMinutes(timing, level, "resolve")),
    awaiting: "resolve",
  };
}

/**
 * The next escalation when the deadline passed: one step up the chain with a fresh deadline
 * for what it still waits for; undefined when not due yet or already at the top.
 */
export function escalateIfDue(
  escalation: Escalation,
  level: Level,
  timing: EscalationTiming,
  now: Date,
): Escalation | undefined {
  if (escalation.dueAt === null || now.getTime() < Date.parse(escalation.dueAt)) return undefined;
  const index = CHAIN_STEPS.indexOf(escalation.step);
  const step = CHAIN_STEPS[index + 1];
  if (step === undefined) return undefined;
  const last = index + 1 === CHAIN_STEPS.length - 1;
  return {
    step,
    dueAt: last ? null : plus(now, deadlineMinutes(timing, level, escalation.awaiting)),
    awaiting: escalation.awaiting,
  };
}
