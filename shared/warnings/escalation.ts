import * as z from "zod";
import type { Level } from "../methodology/levels.ts";
import { deadlineMinutes, type EscalationTiming } from "./rules.ts";

/**
 * The responsibility chain a warning climbs (domain.md §5, 三个责任): enterprise → street/town →
 * district and industry department → city safety committee. The district and the industry
 * department are one step: territorial and industry supervision hear of an escalation together.
 * A new warning starts at the street step — the enterprise and its street hear of it at once
 * (shared/notifications/recipients.ts) — so its first deadline (red: 15 minutes) takes it to the
 * district and the industry department, and the next one to the city.
 */
export const CHAIN_STEPS = ["enterprise", "street", "district", "city"] as const;
/**
 * `industry` was a step of its own before it joined the district's (warnings stored then may
 * carry it); it is read as the district step and never written.
 */
export const ChainStepSchema = z.enum([...CHAIN_STEPS, "industry"]);
export type ChainStep = z.infer<typeof ChainStepSchema>;

/** A step as the chain knows it (a stored `industry` is the district step). */
export function chainStep(step: ChainStep): (typeof CHAIN_STEPS)[number] {
  return step === "industry" ? "district" : step;
}

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
  switch (chainStep(step)) {
    case "enterprise":
      return [];
    case "street":
      return [`d:${place.district}/${place.street}`];
    case "district":
      return [`d:${place.district}`, `i:${place.industry}`];
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

/**
 * The escalation of a new warning: at the street step (the enterprise and its street hear of
 * it), due by the level's acknowledge time.
 */
export function startEscalation(level: Level, timing: EscalationTiming, now: Date): Escalation {
  return {
    step: "street",
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
  const index = CHAIN_STEPS.indexOf(chainStep(escalation.step));
  const step = CHAIN_STEPS[index + 1];
  if (step === undefined) return undefined;
  const last = index + 1 === CHAIN_STEPS.length - 1;
  return {
    step,
    dueAt: last ? null : plus(now, deadlineMinutes(timing, level, escalation.awaiting)),
    awaiting: escalation.awaiting,
  };
}
