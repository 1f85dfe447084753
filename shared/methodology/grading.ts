import {
  type CompiledCell,
  type CompiledFactor,
  type CompiledProfile,
  type CompiledRule,
  compileProfile,
  positionOf,
} from "./compile.ts";
import { GradingInputError, ProfileNotGradableError } from "./errors.ts";
import type { Grade, GradeConsistency, GradeOutcome, GradingInput } from "./grade-schema.ts";
import type { MethodProfile } from "./profiles/profile-schema.ts";
import { resolveOrThrow } from "./resolve-input.ts";

const CONSISTENCY: readonly GradeConsistency[] = [
  Object.freeze({ currentAboveInherent: false, loweredWithoutControls: false }),
  Object.freeze({ currentAboveInherent: true, loweredWithoutControls: false }),
  Object.freeze({ currentAboveInherent: false, loweredWithoutControls: true }),
];

function countKeys(values: object): number {
  let keys = 0;
  for (const _ in values) keys++;
  return keys;
}

/**
 * Cell index of a plain set of factor values, or -1 when anything is off (the slow path then
 * explains). The letters of the shipped method kinds are read by name, which V8 optimises far
 * better than keyed reads with changing keys; other layouts take the generic loop.
 */
function locate(compiled: CompiledProfile, values: Readonly<Record<string, number>>): number {
  if (values === null || typeof values !== "object") return -1;
  const f = compiled.factors as readonly [CompiledFactor, CompiledFactor, CompiledFactor];
  switch (compiled.layout) {
    case "LEC": {
      const l = positionOf(f[0], values.L);
      const e = positionOf(f[1], values.E);
      const c = positionOf(f[2], values.C);
      if (l < 0 || e < 0 || c < 0 || countKeys(values) !== 3) return -1;
      return l * f[0].stride + e * f[1].stride + c;
    }
    case "LS": {
      const l = positionOf(f[0], values.L);
      const s = positionOf(f[1], values.S);
      if (l < 0 || s < 0 || countKeys(values) !== 2) return -1;
      return l * f[0].stride + s;
    }
  }
  let index = 0;
  for (const factor of compiled.factors) {
    const j = positionOf(factor, values[factor.letter]);
    if (j < 0) return -1;
    index += j * factor.stride;
  }
  return countKeys(values) === compiled.factors.length ? index : -1;
}

/** The first claimed rule in profile order, or `null` when a claim is unknown or unevidenced. */
function decidingRule(
  compiled: CompiledProfile,
  claims: GradingInput["directRules"],
): CompiledRule | undefined | null {
  let best: CompiledRule | undefined;
  if (claims === undefined) return best;
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i];
    const rule = claim && compiled.rules.get(claim.id);
    if (!claim || !rule || typeof claim.evidence !== "string" || claim.evidence.trim() === "")
      return null;
    if (best === undefined || rule.index < best.index) best = rule;
  }
  return best;
}

function outcome(compiled: CompiledProfile, index: number, rule: CompiledRule | undefined) {
  const cell = compiled.cells[index] as CompiledProfile["cells"][number];
  if (rule === undefined) return cell.byBand;
  const slot = rule.index * compiled.cells.length + index;
  const cached = compiled.ruleOutcomes[slot];
  if (cached !== undefined) return cached;
  const result: GradeOutcome = Object.freeze({
    level: "major" as const,
    score: cell.score,
    factors: cell.factors,
    scoreBand: cell.scoreBand,
    decidedBy: rule.decidedBy,
    explanation: Object.freeze({
      zh: rule.prefix.zh + cell.scoreText.zh,
      en: rule.prefix.en + cell.scoreText.en,
    }),
  });
  compiled.ruleOutcomes[slot] = result;
  return result;
}

/**
 * Grades current (and inherent) inputs with a compiled profile: the score is the product of the
 * factors, its band gives the level, and a claimed direct-major rule makes it `major` whatever
 * the score (domain.md §3). Rules describe the source itself, so they apply to the inherent
 * grade too. Consistency flags: current above inherent, or current lowered below inherent
 * while `controlsRecorded` is not `true`. Throws `GradingInputError` listing every problem.
 */
export function gradeCompiled(compiled: CompiledProfile, input: GradingInput): Grade {
  const dims = input.dimensions;
  const inherentValues = input.inherent;
  let current = dims?.current === undefined ? locate(compiled, input.current) : -1;
  let inherent =
    inherentValues === undefined
      ? -2
      : dims?.inherent === undefined
        ? locate(compiled, inherentValues)
        : -1;
  let rule = decidingRule(compiled, input.directRules);
  if (current < 0 || inherent === -1 || rule === null) {
    const resolved = resolveOrThrow(compiled, input);
    current = resolved.current;
    inherent = resolved.inherent ?? -2;
    rule = decidingRule(compiled, input.directRules) ?? undefined;
  }
  const cur = outcome(compiled, current, rule);
  const profile = compiled.profile;
  if (inherent < 0) {
    return {
      profileId: profile.id,
      profileVersion: profile.version,
      level: cur.level,
      score: cur.score,
      factors: cur.factors,
      scoreBand: cur.scoreBand,
      decidedBy: cur.decidedBy,
      explanation: cur.explanation,
      inherent: undefined,
      consistency: CONSISTENCY[0] as GradeConsistency,
    };
  }
  const inh = outcome(compiled, inherent, rule);
  // A rule makes both grades major; otherwise each cell's band decides.
  const diff =
    rule === undefined
      ? (compiled.cells[current] as CompiledCell).rank -
        (compiled.cells[inherent] as CompiledCell).rank
      : 0;
  const flags = diff > 0 ? 1 : diff < 0 && input.controlsRecorded !== true ? 2 : 0;
  return {
    profileId: profile.id,
    profileVersion: profile.version,
    level: cur.level,
    score: cur.score,
    factors: cur.factors,
    scoreBand: cur.scoreBand,
    decidedBy: cur.decidedBy,
    explanation: cur.explanation,
    inherent: inh,
    consistency: CONSISTENCY[flags] as GradeConsistency,
  };
}

/**
 * Grades inputs under a profile (compiled once per profile object and cached). Throws
 * `ProfileNotGradableError` for templates such as `mes-template`, `GradingInputError` for
 * inputs outside the profile's tables and rules (domain.md §1, §3).
 */
export function grade(profile: MethodProfile, input: GradingInput): Grade {
  return gradeCompiled(compileProfile(profile), input);
}

export type GradeResult =
  | { ok: true; grade: Grade }
  | { ok: false; error: GradingInputError | ProfileNotGradableError };

/** `grade` as a result value instead of a throw; other errors still propagate. */
export function safeGrade(profile: MethodProfile, input: GradingInput): GradeResult {
  try {
    return { ok: true, grade: grade(profile, input) };
  } catch (error) {
    if (error instanceof GradingInputError || error instanceof ProfileNotGradableError)
      return { ok: false, error };
    throw error;
  }
}
