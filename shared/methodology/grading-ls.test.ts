import { describe, expect, it } from "vitest";
import { GradingInputError } from "./errors.ts";
import { grade } from "./grading.ts";
import type { Level } from "./levels.ts";
import { LS_DEFAULT } from "./profiles/ls-default.ts";

// Independent expectation from domain.md §3: 20–25 major, 9–16 significant, 4–8 general, 1–3 low.
function expectedLevel(r: number): Level {
  if (r >= 20 && r <= 25) return "major";
  if (r >= 9 && r <= 16) return "significant";
  if (r >= 4 && r <= 8) return "general";
  if (r >= 1 && r <= 3) return "low";
  throw new Error(`R = ${r} is in no band`);
}

const cases = [1, 2, 3, 4, 5].flatMap((L) => [1, 2, 3, 4, 5].map((S) => ({ L, S, R: L * S })));

describe("LS default — every L×S combination", () => {
  it.each(cases)("L=$L S=$S", ({ L, S, R }) => {
    const g = grade(LS_DEFAULT, { current: { L, S } });
    expect({ level: g.level, score: g.score }).toEqual({ level: expectedLevel(R), score: R });
    expect(g.explanation.zh).toMatch(new RegExp(`^R = L×S = ${L}×${S} = ${R}，`));
  });

  it("explains the edge of the major band", () => {
    expect(grade(LS_DEFAULT, { current: { L: 4, S: 5 } }).explanation).toEqual({
      zh: "R = L×S = 4×5 = 20，20 ≤ 20 ≤ 25，判定为重大风险（红）",
      en: "R = L×S = 4×5 = 20, 20 ≤ 20 ≤ 25: graded Major risk (red)",
    });
  });
});

describe("LS severity breakdown (S = the worst dimension)", () => {
  it("derives S from the dimensions when S is omitted", () => {
    const g = grade(LS_DEFAULT, {
      current: { L: 3 },
      dimensions: { current: { S: { law: 2, people: 4, loss: 3 } } },
    });
    expect({ factors: g.factors, score: g.score, level: g.level }).toEqual({
      factors: { L: 3, S: 4 },
      score: 12,
      level: "significant",
    });
  });

  it("accepts S equal to the worst dimension and rejects a different one", () => {
    const dims = { current: { S: { people: 2, reputation: 3 } } };
    expect(grade(LS_DEFAULT, { current: { L: 2, S: 3 }, dimensions: dims }).score).toBe(6);
    expect(() => grade(LS_DEFAULT, { current: { L: 2, S: 5 }, dimensions: dims })).toThrow(
      expect.objectContaining({
        code: "grading.dimensionMismatch",
        issues: [expect.objectContaining({ path: "current.S", allowed: [3] })],
      }),
    );
  });

  it("rejects unknown dimensions, values off the 1–5 scale and breakdowns of L", () => {
    let error: unknown;
    try {
      grade(LS_DEFAULT, {
        current: { L: 2 },
        dimensions: { current: { S: { mood: 3, loss: 7 }, L: { law: 1 } } },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GradingInputError);
    expect((error as GradingInputError).issues.map((i) => [i.code, i.path])).toEqual([
      ["grading.unknownFactor", "dimensions.current.L"],
      ["grading.unknownFactor", "dimensions.current.S.mood"],
      ["grading.invalidFactorValue", "dimensions.current.S.loss"],
      ["grading.missingFactor", "current.S"],
    ]);
  });
});
