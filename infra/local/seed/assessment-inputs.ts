import { grade } from "../../../shared/methodology/grading.ts";
import type { Level } from "../../../shared/methodology/levels.ts";
import { LEC_DEFAULT } from "../../../shared/methodology/profiles/lec-default.ts";
import { LS_DEFAULT } from "../../../shared/methodology/profiles/ls-default.ts";
import type { MethodProfile } from "../../../shared/methodology/profiles/profile-schema.ts";
import type { AssessmentCreateInput } from "../../../shared/risk/assessment.ts";
import type { Prng } from "./prng.ts";
import type { SourceTemplate } from "./source-templates.ts";

type Factors = Record<string, number>;

function valuesOf(profile: MethodProfile, letter: string): number[] {
  return (profile.factors.find((f) => f.letter === letter)?.values ?? []).map((v) => v.value);
}

/** Every input combination of a profile's factor tables, grouped by the level it grades to. */
function combinationsByLevel(profile: MethodProfile): Record<Level, Factors[]> {
  let combos: Factors[] = [{}];
  for (const factor of profile.factors) {
    combos = combos.flatMap((c) => factor.values.map((v) => ({ ...c, [factor.letter]: v.value })));
  }
  const byLevel: Record<Level, Factors[]> = { major: [], significant: [], general: [], low: [] };
  for (const current of combos) byLevel[grade(profile, { current }).level].push(current);
  return byLevel;
}

const LEC_BY_LEVEL = combinationsByLevel(LEC_DEFAULT);
const LS_BY_LEVEL = combinationsByLevel(LS_DEFAULT);

/**
 * Levels of demo sources: most sources of ordinary units are general or low, few are major
 * (product default mix; Beijing publishes no city-wide level distribution).
 */
const LEVEL_MIX: readonly (readonly [Level, number])[] = [
  ["major", 1.5],
  ["significant", 9],
  ["general", 44],
  ["low", 45.5],
];

/** The next higher value of a factor table (the likelihood without the recorded controls). */
function raised(values: readonly number[], value: number): number {
  const higher = values.filter((v) => v > value).sort((a, b) => a - b);
  return higher[0] ?? value;
}

const MAJOR_HAZARD_EVIDENCE = "依据 GB 18218 辨识构成重大危险源，已向区应急管理局备案";

/**
 * Assessment inputs for a demo source: the identification list's suggested LEC inputs when it has
 * them (half the time), otherwise an LEC (or, one time in five, LS) combination drawn for a level from the mix.
 * Half the assessments also record the inherent inputs (likelihood one step higher: no controls).
 */
export function demoAssessmentInput(prng: Prng, template: SourceTemplate): AssessmentCreateInput {
  const suggested = template.suggestedLec && prng.chance(0.5) ? template.suggestedLec : undefined;
  const useLs = !suggested && prng.chance(0.2);
  const profile = useLs ? LS_DEFAULT : LEC_DEFAULT;
  const current: Factors = suggested
    ? { ...suggested }
    : { ...prng.pick((useLs ? LS_BY_LEVEL : LEC_BY_LEVEL)[prng.weighted(LEVEL_MIX)]) };
  const withInherent = prng.chance(0.5);
  const inherent = withInherent
    ? { ...current, L: raised(valuesOf(profile, "L"), current.L ?? 0) }
    : undefined;
  const majorHazard =
    (template.identificationItemId === "hc-tank-farm" ||
      template.identificationItemId === "hc-reactor") &&
    prng.chance(0.2);
  return {
    profileId: profile.id,
    profileVersion: profile.version,
    current: current as AssessmentCreateInput["current"],
    ...(inherent ? { inherent: inherent as AssessmentCreateInput["current"] } : {}),
    ...(majorHazard
      ? { directRules: [{ id: "major-hazard-installation", evidence: MAJOR_HAZARD_EVIDENCE }] }
      : {}),
    trigger: "initial",
  };
}
