import type { Bilingual } from "../../errors.ts";
import { levelRank } from "../levels.ts";
import type { Band, MethodProfile } from "./profile-schema.ts";

/** Rounds a product of table values to drop binary floating-point noise (0.1 × 3 → 0.3). */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** Whether `score` lies inside `band` under its inclusive/exclusive bounds. */
export function inBand(band: Band, score: number): boolean {
  const { min, max } = band;
  if (min && (min.inclusive ? score < min.value : score <= min.value)) return false;
  if (max && (max.inclusive ? score > max.value : score >= max.value)) return false;
  return true;
}

/** Every score reachable from the factor tables (products of one value per factor), sorted. */
export function reachableScores(profile: Pick<MethodProfile, "factors">): number[] {
  let scores = [1];
  for (const factor of profile.factors) {
    const next: number[] = [];
    for (const s of scores) for (const v of factor.values) next.push(roundScore(s * v.value));
    scores = next;
  }
  return [...new Set(scores)].sort((a, b) => a - b);
}

function duplicates(items: readonly (string | number)[]): (string | number)[] {
  return items.filter((item, i) => items.indexOf(item) !== i);
}

/**
 * Structural problems of a profile. Templates may leave tables empty; a published profile must
 * be gradable: every reachable score in exactly one band, levels monotone in the score, and the
 * breakdown dimensions using the factor's own values (domain.md §1, §3).
 */
export function findProfileProblems(profile: MethodProfile): Bilingual[] {
  const problems: Bilingual[] = [];
  const add = (zh: string, en: string) => problems.push({ zh, en });
  for (const d of duplicates(profile.factors.map((f) => f.letter)))
    add(`因素字母重复：${d}`, `duplicate factor letter ${d}`);
  for (const d of duplicates(profile.bands.map((b) => b.id)))
    add(`分级区间编号重复：${d}`, `duplicate band id ${d}`);
  for (const d of duplicates(profile.directMajorRules.map((r) => r.id)))
    add(`直接判定规则编号重复：${d}`, `duplicate rule id ${d}`);
  for (const factor of profile.factors) {
    for (const d of duplicates(factor.values.map((v) => v.value)))
      add(`因素 ${factor.letter} 取值重复：${d}`, `factor ${factor.letter} repeats value ${d}`);
    for (const dim of factor.dimensions ?? []) {
      const own = new Set(factor.values.map((v) => v.value));
      if (dim.values.some((v) => !own.has(v.value)))
        add(
          `因素 ${factor.letter} 的维度 ${dim.id} 使用了因素取值表以外的值`,
          `dimension ${dim.id} of ${factor.letter} uses values outside the factor's table`,
        );
    }
  }
  if (profile.status !== "published") return problems;

  if (profile.factors.some((f) => f.values.length === 0) || profile.bands.length === 0) {
    add("已发布的评估方法必须有完整的取值表和分级区间", "a published profile needs every table");
    return problems;
  }
  let previousRank = 0;
  for (const score of reachableScores(profile)) {
    const bands = profile.bands.filter((b) => inBand(b, score));
    const [band] = bands;
    if (bands.length !== 1 || !band) {
      add(
        `分值 ${score} 落入 ${bands.length} 个分级区间（应恰为 1 个）`,
        `score ${score} falls in ${bands.length} bands (must be exactly 1)`,
      );
      continue;
    }
    const rank = levelRank(band.level);
    if (rank < previousRank)
      add(`分值 ${score} 的等级低于更小分值的等级`, `level decreases at score ${score}`);
    previousRank = Math.max(previousRank, rank);
  }
  return problems;
}
