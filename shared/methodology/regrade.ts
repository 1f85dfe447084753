import type { Assessment } from "../risk/assessment.ts";
import type { RiskSource } from "../risk/risk-source.ts";
import type { GradingInputError, ProfileNotGradableError } from "./errors.ts";
import type { Grade } from "./grade-schema.ts";
import { safeGrade } from "./grading.ts";
import type { MethodProfile } from "./profiles/profile-schema.ts";
import { getProfile } from "./profiles/registry.ts";

/**
 * The version a profile's sources are graded under from now on (重新评估的目标版本): the latest
 * published, never a retired one or a template. Undefined when none is gradable.
 */
export function currentVersion(
  profileId: string,
  versions: readonly MethodProfile[],
): MethodProfile | undefined {
  const own = versions.filter((p) => p.id === profileId);
  if (own.length === 0) return undefined;
  const latest = getProfile(profileId, undefined, own);
  return latest.status === "published" ? latest : undefined;
}

/**
 * Whether a re-evaluation pass looks at a source at all: it is graded under one of the pass's
 * profiles, and under another version than that profile's current one. A source already on the
 * current version (graded by a user, or by an earlier run of the pass) is never re-graded.
 */
export function needsRegrade(
  source: Pick<RiskSource, "lastAssessment">,
  targets: ReadonlyMap<string, MethodProfile>,
): boolean {
  const last = source.lastAssessment;
  if (!last) return false;
  const target = targets.get(last.profileId);
  return target !== undefined && target.version !== last.profileVersion;
}

/** What re-grading one source decided (重新评估结论). */
export type RegradeDecision =
  /** The current version grades the stored inputs to the same levels: nothing is written. */
  | { kind: "unchanged"; grade: Grade }
  /** The levels move: the source takes `grade` (write amplification 1.0: only these are written). */
  | { kind: "changed"; grade: Grade }
  /** The inputs are not valid under the current version: the source needs a new assessment. */
  | { kind: "ungradable"; error: GradingInputError | ProfileNotGradableError };

/**
 * Re-grades an assessment's stored inputs under `target` (domain.md §1: re-grading under a new
 * version is an explicit re-evaluation). A grade "changes" when its current or inherent level
 * does; a new score or explanation at the same levels is not worth a write, an event or a
 * warning. Inputs that gave a breakdown are graded from the breakdown, as they were submitted.
 */
export function regradeDecision(
  base: Pick<Assessment, "inputs" | "grade">,
  target: MethodProfile,
): RegradeDecision {
  const { inputs } = base;
  const dims = inputs.dimensions;
  const result = safeGrade(target, {
    current: withoutBrokenDown(inputs.current, dims?.current),
    inherent: inputs.inherent && withoutBrokenDown(inputs.inherent, dims?.inherent),
    dimensions: dims,
    directRules: inputs.directRules,
    controlsRecorded: inputs.controlsRecorded,
  });
  if (!result.ok) return { kind: "ungradable", error: result.error };
  const grade = result.grade;
  const same =
    grade.level === base.grade.level && grade.inherent?.level === base.grade.inherent?.level;
  return { kind: same ? "unchanged" : "changed", grade };
}

/** Stored factor values minus those given as a breakdown (the breakdown decides them). */
function withoutBrokenDown(
  values: Readonly<Record<string, number>>,
  breakdown: Readonly<Record<string, unknown>> | undefined,
): Record<string, number> {
  if (!breakdown) return { ...values };
  return Object.fromEntries(Object.entries(values).filter(([letter]) => !(letter in breakdown)));
}
