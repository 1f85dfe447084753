import type { Place } from "../tenancy/scope.ts";
import type { TenantStatus } from "../tenancy/tenant.ts";

/**
 * How far an enterprise has come (覆盖情况), each stage including the ones before it:
 * - `known`: on the platform's books — a census pre-registration or a sign-up, pending or active;
 * - `registered`: an active tenant (注册);
 * - `assessed`: at least one of its risk sources graded (已评估);
 * - `current`: every one of its sources graded and none past its review date (评估在期).
 */
export const ENTERPRISE_STAGES = ["known", "registered", "assessed", "current"] as const;
export type EnterpriseStage = (typeof ENTERPRISE_STAGES)[number];

/** Where an enterprise sits and the stage it reached: counted in its district and industry. */
export interface EnterpriseContribution {
  kind: "enterprise";
  district: string;
  street: string;
  industry: string;
  stage: EnterpriseStage;
}

/**
 * What the fold keeps per enterprise to know its stage without reading its sources: its tenant
 * status, its profile's place, and running counts of its sources.
 */
export interface EnterpriseRollup {
  /** The tenant record's version folded last (0: none yet). */
  statusVersion: number;
  /** `null` for a tenant that is not an enterprise, or not folded yet. */
  status: TenantStatus | null;
  /** The enterprise profile's version folded last (0: none yet). */
  placeVersion: number;
  place: Place | null;
  sources: number;
  graded: number;
  overdue: number;
}

export const EMPTY_ROLLUP: EnterpriseRollup = {
  statusVersion: 0,
  status: null,
  placeVersion: 0,
  place: null,
  sources: 0,
  graded: 0,
  overdue: 0,
};

/** What one risk source adds to its enterprise's rollup. */
export interface SourceStanding {
  graded: boolean;
  overdue: boolean;
}

const STATUS_STAGE: Partial<Record<TenantStatus, EnterpriseStage>> = {
  preregistered: "known",
  pending: "known",
  suspended: "known",
  active: "registered",
};

export function stageOf(rollup: EnterpriseRollup): EnterpriseStage | null {
  const base = rollup.status ? STATUS_STAGE[rollup.status] : undefined;
  if (base !== "registered") return base ?? null;
  if (rollup.graded === 0) return "registered";
  return rollup.graded === rollup.sources && rollup.overdue === 0 ? "current" : "assessed";
}

export function enterpriseContributionOf(rollup: EnterpriseRollup): EnterpriseContribution | null {
  const stage = stageOf(rollup);
  if (!rollup.place || !stage) return null;
  return { kind: "enterprise", ...rollup.place, stage };
}

/** A rollup after a source's standing went from `was` to `now` (`null`: not there). */
export function withSourceMoved(
  rollup: EnterpriseRollup,
  was: SourceStanding | null,
  now: SourceStanding | null,
): EnterpriseRollup {
  const n = (s: SourceStanding | null, f: (s: SourceStanding) => boolean) => (s && f(s) ? 1 : 0);
  return {
    ...rollup,
    sources: rollup.sources + n(now, () => true) - n(was, () => true),
    graded: rollup.graded + n(now, (s) => s.graded) - n(was, (s) => s.graded),
    overdue: rollup.overdue + n(now, (s) => s.overdue) - n(was, (s) => s.overdue),
  };
}

/** The counters an enterprise adds: one per stage reached, by district and by industry. */
export function enterpriseCellsOf(c: EnterpriseContribution): Record<string, number> {
  const reached = ENTERPRISE_STAGES.slice(0, ENTERPRISE_STAGES.indexOf(c.stage) + 1);
  return Object.fromEntries(
    reached.flatMap((stage) => [
      [`ED:${c.district}:${stage}`, 1],
      [`EI:${c.industry}:${stage}`, 1],
    ]),
  );
}

export type EnterpriseCoverageRow = Record<EnterpriseStage, number>;

export const zeroEnterpriseRow = (): EnterpriseCoverageRow => ({
  known: 0,
  registered: 0,
  assessed: 0,
  current: 0,
});

export function isEnterpriseStage(text: string): text is EnterpriseStage {
  return (ENTERPRISE_STAGES as readonly string[]).includes(text);
}
