import { describe, expect, it } from "vitest";
import { grade } from "./grading.ts";
import type { Level } from "./levels.ts";
import { LEC_DEFAULT } from "./profiles/lec-default.ts";

// Independent expectation, written from the band table of domain.md §3, in exact arithmetic:
// 20·D = (10·L)·(2·E)·C is an integer for every table value.
const L10 = [100, 60, 30, 10, 5, 2, 1];
const E2 = [20, 12, 6, 4, 2, 1];
const C = [100, 40, 15, 7, 3, 1];

function expectedLevel(d20: number): Level {
  if (d20 > 320 * 20) return "major";
  if (d20 > 160 * 20) return "significant";
  if (d20 >= 70 * 20) return "general";
  return "low";
}

const cases = L10.flatMap((l10) =>
  E2.flatMap((e2) => C.map((c) => ({ L: l10 / 10, E: e2 / 2, C: c, d20: l10 * e2 * c }))),
);

describe("LEC default — every L×E×C combination", () => {
  it("has 7×6×6 = 252 combinations", () => {
    expect(cases).toHaveLength(252);
  });

  it.each(cases)("L=$L E=$E C=$C", ({ L, E, C, d20 }) => {
    const g = grade(LEC_DEFAULT, { current: { L, E, C } });
    expect(g.level).toBe(expectedLevel(d20));
    expect(g.score).toBe(d20 / 20);
    expect(g.decidedBy).toEqual({ kind: "band", id: g.scoreBand.id });
    expect(g.explanation.zh.startsWith(`D = L×E×C = ${L}×${E}×${C} = ${d20 / 20}`)).toBe(true);
  });

  it("puts the edges where the band table says: 70 general, 320 significant", () => {
    expect(grade(LEC_DEFAULT, { current: { L: 10, E: 1, C: 7 } }).level).toBe("general");
    expect(grade(LEC_DEFAULT, { current: { L: 1, E: 6, C: 7 } }).level).toBe("low");
  });
});

describe("LEC default — worked example of a gas station (domain.md §3)", () => {
  it.each([
    {
      name: "fire/explosion",
      current: { L: 3, E: 10, C: 15 },
      score: 450,
      level: "major",
      zh: "D = L×E×C = 3×10×15 = 450 > 320，判定为重大风险（红）",
      en: "D = L×E×C = 3×10×15 = 450 > 320: graded Major risk (red)",
    },
    {
      name: "vehicle injury",
      current: { L: 6, E: 6, C: 3 },
      score: 108,
      level: "general",
      zh: "D = L×E×C = 6×6×3 = 108，70 ≤ 108 ≤ 160，判定为一般风险（黄）",
      en: "D = L×E×C = 6×6×3 = 108, 70 ≤ 108 ≤ 160: graded General risk (yellow)",
    },
    {
      name: "electrical",
      current: { L: 1, E: 6, C: 15 },
      score: 90,
      level: "general",
      zh: "D = L×E×C = 1×6×15 = 90，70 ≤ 90 ≤ 160，判定为一般风险（黄）",
      en: "D = L×E×C = 1×6×15 = 90, 70 ≤ 90 ≤ 160: graded General risk (yellow)",
    },
    {
      name: "collapse",
      current: { L: 1, E: 0.5, C: 40 },
      score: 20,
      level: "low",
      zh: "D = L×E×C = 1×0.5×40 = 20 < 70，判定为低风险（蓝）",
      en: "D = L×E×C = 1×0.5×40 = 20 < 70: graded Low risk (blue)",
    },
  ])("$name", ({ current, score, level, zh, en }) => {
    expect(grade(LEC_DEFAULT, { current })).toEqual({
      profileId: "lec-default",
      profileVersion: 1,
      level,
      score,
      factors: current,
      scoreBand: expect.objectContaining({ level }),
      decidedBy: { kind: "band", id: expect.any(String) },
      explanation: { zh, en },
      inherent: undefined,
      consistency: { currentAboveInherent: false, loweredWithoutControls: false },
    });
  });

  it("explains a significant score with both band edges", () => {
    expect(grade(LEC_DEFAULT, { current: { L: 3, E: 6, C: 15 } }).explanation.zh).toBe(
      "D = L×E×C = 3×6×15 = 270，160 < 270 ≤ 320，判定为较大风险（橙）",
    );
  });

  it("shows small scores without floating-point noise", () => {
    const g = grade(LEC_DEFAULT, { current: { L: 0.1, E: 3, C: 1 } });
    expect(g.score).toBe(0.3);
    expect(g.explanation.zh).toBe("D = L×E×C = 0.1×3×1 = 0.3 < 70，判定为低风险（蓝）");
  });
});
