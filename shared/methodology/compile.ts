import type { Bilingual } from "../errors.ts";
import { ProfileNotGradableError } from "./errors.ts";
import type { DecidedBy, GradeOutcome } from "./grade-schema.ts";
import { type Level, levelLabel, levelRank } from "./levels.ts";
import { findProfileProblems, inBand, roundScore } from "./profiles/profile-checks.ts";
import type { Band, DirectMajorRule, MethodProfile } from "./profiles/profile-schema.ts";

export interface CompiledDimension {
  readonly id: string;
  readonly allowed: readonly number[];
}

export interface CompiledFactor {
  readonly letter: string;
  /** Allowed values in table order; the position is the factor's digit in the cell index. */
  readonly allowed: readonly number[];
  readonly stride: number;
  readonly dimensions: readonly CompiledDimension[] | undefined;
  /**
   * Finds a value's position without scanning: `codes[Math.round(value * scale)]`, confirmed
   * against `table` (two numbers can round to the same code). Empty when the values have no
   * small non-negative integer codes; `allowed` is scanned then.
   */
  readonly scale: number;
  readonly codes: Int8Array;
  readonly table: Float64Array;
}

/** Everything about one combination of factor values, computed once per profile. */
export interface CompiledCell {
  readonly score: number;
  readonly level: Level;
  /** `levelRank(level)`, so that grading compares levels without a lookup. */
  readonly rank: number;
  readonly factors: Readonly<Record<string, number>>;
  readonly scoreBand: { readonly id: string; readonly level: Level };
  /** The outcome when the band decides; shared, frozen. */
  readonly byBand: GradeOutcome;
  /** "D = L×E×C = 1×1×1 = 1 < 70" and its level, to append to a rule's explanation. */
  readonly scoreText: Bilingual;
}

export interface CompiledRule {
  /** Position in the profile; when several rules hold, the first in profile order decides. */
  readonly index: number;
  readonly rule: DirectMajorRule;
  readonly decidedBy: DecidedBy;
  /** Start of the explanation; the cell's `scoreText` completes it. */
  readonly prefix: Bilingual;
}

/** A profile turned into lookup tables so that grading is a few array reads. */
export interface CompiledProfile {
  readonly profile: MethodProfile;
  readonly factors: readonly CompiledFactor[];
  readonly cells: readonly CompiledCell[];
  readonly rules: ReadonlyMap<string, CompiledRule>;
  /** Rule-decided outcomes by `rule.index * cells.length + cell`, filled on first use. */
  readonly ruleOutcomes: (GradeOutcome | undefined)[];
  /** Factor letters of a shipped method kind, read by name on the fast path. */
  readonly layout: "LEC" | "LS" | "other";
}

const cache = new WeakMap<MethodProfile, CompiledProfile>();
const MAX_CODE = 4096;

function valueCodes(values: readonly number[]): Pick<CompiledFactor, "scale" | "codes" | "table"> {
  const table = Float64Array.from(values);
  for (const scale of values.length <= 127 ? [1, 10, 100, 1000] : []) {
    const rounded = values.map((v) => Math.round(v * scale));
    if (!rounded.every((c) => c >= 0 && c <= MAX_CODE)) continue;
    const codes = new Int8Array(Math.max(0, ...rounded) + 1).fill(-1);
    let distinct = true;
    rounded.forEach((code, j) => {
      const first = codes[code] as number;
      if (first < 0) codes[code] = j;
      else if (values[first] !== values[j]) distinct = false;
    });
    if (distinct) return { scale, codes, table };
  }
  return { scale: 1, codes: new Int8Array(0), table };
}

/** `factor.allowed.indexOf(value)` (strict equality, first match) without scanning. */
export function positionOf(factor: CompiledFactor, value: unknown): number {
  if (typeof value !== "number") return -1;
  const codes = factor.codes;
  const code = Math.round(value * factor.scale);
  if (code >= 0 && code < codes.length) {
    const j = codes[code] as number;
    return j >= 0 && factor.table[j] === value ? j : -1;
  }
  return codes.length === 0 ? factor.allowed.indexOf(value) : -1;
}

/** Number as shown in explanations: no float noise, no trailing zeros (0.5, 450). */
export function formatScore(n: number): string {
  return String(roundScore(n));
}

/** "450 > 320" (inline after the score) or "160 < 270 ≤ 320" (a separate clause). */
function bandCondition(band: Band, score: string): { text: string; inline: boolean } {
  const { min, max } = band;
  if (min && !max)
    return {
      text: `${score} ${min.inclusive ? "≥" : ">"} ${formatScore(min.value)}`,
      inline: true,
    };
  if (max && !min)
    return {
      text: `${score} ${max.inclusive ? "≤" : "<"} ${formatScore(max.value)}`,
      inline: true,
    };
  const lo = min ? `${formatScore(min.value)} ${min.inclusive ? "≤" : "<"} ` : "";
  const hi = max ? ` ${max.inclusive ? "≤" : "<"} ${formatScore(max.value)}` : "";
  return { text: `${lo}${score}${hi}`, inline: false };
}

function buildCell(profile: MethodProfile, values: readonly number[]): CompiledCell {
  let product = 1;
  const factors: Record<string, number> = {};
  profile.factors.forEach((f, i) => {
    const v = values[i] ?? Number.NaN;
    product *= v;
    factors[f.letter] = v;
  });
  const score = roundScore(product);
  const band = profile.bands.find((b) => inBand(b, score));
  if (!band) throw new ProfileNotGradableError(profile.id, profile.version);
  const letters = profile.factors.map((f) => f.letter).join("×");
  const shown = formatScore(score);
  const condition = bandCondition(band, shown);
  const formula = `${profile.score.symbol} = ${letters} = ${values.map(formatScore).join("×")} = `;
  const head = condition.inline
    ? `${formula}${condition.text}`
    : `${formula}${shown}，${condition.text}`;
  const headEn = condition.inline
    ? `${formula}${condition.text}`
    : `${formula}${shown}, ${condition.text}`;
  const label = levelLabel(band.level);
  const scoreBand = Object.freeze({ id: band.id, level: band.level });
  const frozenFactors = Object.freeze(factors);
  return {
    score,
    level: band.level,
    rank: levelRank(band.level),
    factors: frozenFactors,
    scoreBand,
    byBand: Object.freeze({
      level: band.level,
      score,
      factors: frozenFactors,
      scoreBand,
      decidedBy: Object.freeze({ kind: "band" as const, id: band.id }),
      explanation: Object.freeze({
        zh: `${head}，判定为${label.zh}`,
        en: `${headEn}: graded ${label.en}`,
      }),
    }),
    scoreText: Object.freeze({
      zh: `按分值 ${head}，为${label.zh}`,
      en: `by score ${headEn}, ${label.en}`,
    }),
  };
}

/**
 * Precomputes a published profile: the allowed values per factor and, for every combination of
 * table values, the score, band, level and explanation (252 cells for LEC, 25 for LS). Cached
 * per profile object. Throws `ProfileNotGradableError` for templates and incomplete profiles
 * (domain.md §1, §3).
 */
export function compileProfile(profile: MethodProfile): CompiledProfile {
  const cached = cache.get(profile);
  if (cached) return cached;
  const problems = findProfileProblems({ ...profile, status: "published" });
  if (profile.status !== "published")
    problems.unshift(
      profile.status === "retired"
        ? { zh: "该版本已停用", en: "its version is retired" }
        : { zh: "状态为模板（未发布）", en: "its status is template (unpublished)" },
    );
  if (problems.length > 0) throw new ProfileNotGradableError(profile.id, profile.version, problems);

  let stride = 1;
  const factors: CompiledFactor[] = [];
  for (let i = profile.factors.length - 1; i >= 0; i--) {
    const f = profile.factors[i];
    if (!f) continue;
    const allowed = Object.freeze(f.values.map((v) => v.value));
    factors.unshift({
      letter: f.letter,
      allowed,
      stride,
      dimensions: f.dimensions?.map((d) => ({ id: d.id, allowed: d.values.map((v) => v.value) })),
      ...valueCodes(allowed),
    });
    stride *= f.values.length;
  }
  const cells: CompiledCell[] = [];
  for (let index = 0; index < stride; index++) {
    const values = factors.map((f) => f.allowed[Math.floor(index / f.stride) % f.allowed.length]);
    cells.push(buildCell(profile, values as number[]));
  }
  const rules = new Map<string, CompiledRule>();
  const major = levelLabel("major");
  profile.directMajorRules.forEach((rule, index) => {
    rules.set(rule.id, {
      index,
      rule,
      decidedBy: Object.freeze({ kind: "rule", id: rule.id }),
      prefix: {
        zh: `依据直接判定规则“${rule.text.zh}”（${rule.id}），判定为${major.zh}；`,
        en: `Direct-major rule "${rule.text.en}" (${rule.id}) holds: graded ${major.en}; `,
      },
    });
  });
  const letters = factors.map((f) => f.letter).join("");
  const layout = letters === "LEC" || letters === "LS" ? letters : "other";
  const compiled: CompiledProfile = {
    profile,
    factors,
    cells,
    rules,
    ruleOutcomes: new Array<GradeOutcome | undefined>(rules.size * cells.length).fill(undefined),
    layout,
  };
  cache.set(profile, compiled);
  return compiled;
}
