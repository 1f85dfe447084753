import { describe, expect, it } from "vitest";
import { compileProfile } from "./compile.ts";
import { GradingInputError, ProfileNotGradableError } from "./errors.ts";
import type { GradingInput } from "./grade-schema.ts";
import { grade, gradeCompiled, safeGrade } from "./grading.ts";
import { LEC_DEFAULT } from "./profiles/lec-default.ts";
import { LS_DEFAULT } from "./profiles/ls-default.ts";
import { MES_TEMPLATE } from "./profiles/mes-template.ts";
import type { MethodProfile } from "./profiles/profile-schema.ts";

function errorOf(run: () => unknown): GradingInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof GradingInputError) return e;
    throw e;
  }
  throw new Error("expected a GradingInputError");
}

describe("grade — inputs outside the tables", () => {
  it("rejects a value not in the table and lists the allowed values", () => {
    const error = errorOf(() => grade(LEC_DEFAULT, { current: { L: 4, E: 10, C: 15 } }));
    expect(error.code).toBe("grading.invalidFactorValue");
    expect(error.issues).toEqual([
      {
        code: "grading.invalidFactorValue",
        path: "current.L",
        message: {
          zh: "L 的取值 4 不在评估方法 lec-default v1 的取值表中；允许值：10、6、3、1、0.5、0.2、0.1",
          en: "4 is not a value of L in lec-default v1; allowed: 10, 6, 3, 1, 0.5, 0.2, 0.1",
        },
        allowed: [10, 6, 3, 1, 0.5, 0.2, 0.1],
      },
    ]);
  });

  it("reports missing, unknown, non-numeric factors for current and inherent together", () => {
    const input = {
      current: { L: 3, E: "10", X: 1 },
      inherent: { L: 3, E: 10, C: 0 },
    } as unknown as GradingInput;
    expect(errorOf(() => grade(LEC_DEFAULT, input)).issues.map((i) => [i.code, i.path])).toEqual([
      ["grading.invalidFactorValue", "current.E"],
      ["grading.missingFactor", "current.C"],
      ["grading.unknownFactor", "current.X"],
      ["grading.invalidFactorValue", "inherent.C"],
    ]);
  });

  it("rejects LS values outside 1–5 and LEC letters in an LS profile", () => {
    const error = errorOf(() => grade(LS_DEFAULT, { current: { L: 6, S: 2.5, E: 1 } }));
    expect(error.issues.map((i) => [i.path, i.allowed])).toEqual([
      ["current.L", [5, 4, 3, 2, 1]],
      ["current.S", [5, 4, 3, 2, 1]],
      ["current.E", ["L", "S"]],
    ]);
  });

  it("rejects the MES template with a clear error", () => {
    expect(() => grade(MES_TEMPLATE, { current: { M: 1, E: 1, S: 1 } })).toThrow(
      ProfileNotGradableError,
    );
    const result = safeGrade(MES_TEMPLATE, { current: { M: 1, E: 1, S: 1 } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe("methodology.profileNotGradable");
    expect(!result.ok && result.error.title.zh).toContain("模板");
  });
});

describe("grade — direct determination as major", () => {
  it("makes a low score major, decided by the rule, and says why", () => {
    const g = grade(LEC_DEFAULT, {
      current: { L: 1, E: 0.5, C: 40 },
      directRules: [{ id: "major-hazard-installation", evidence: "重大危险源备案表 BJ-2024-017" }],
    });
    expect(g).toEqual({
      profileId: "lec-default",
      profileVersion: 1,
      level: "major",
      score: 20,
      factors: { L: 1, E: 0.5, C: 40 },
      scoreBand: { id: "d-below-70", level: "low" },
      decidedBy: { kind: "rule", id: "major-hazard-installation" },
      explanation: {
        zh: "依据直接判定规则“构成或包含重大危险源（GB 18218）”（major-hazard-installation），判定为重大风险（红）；按分值 D = L×E×C = 1×0.5×40 = 20 < 70，为低风险（蓝）",
        en: 'Direct-major rule "Is or contains a major hazard installation (GB 18218)" (major-hazard-installation) holds: graded Major risk (red); by score D = L×E×C = 1×0.5×40 = 20 < 70, Low risk (blue)',
      },
      inherent: undefined,
      consistency: { currentAboveInherent: false, loweredWithoutControls: false },
    });
  });

  it("lets the first rule in profile order decide when several hold", () => {
    const g = grade(LS_DEFAULT, {
      current: { L: 1, S: 1 },
      directRules: [
        { id: "fire-explosion-poison-10plus", evidence: "同时在场 40 人" },
        { id: "violates-mandatory-law", evidence: "GB 50016 第 5.5 条" },
      ],
    });
    expect(g.decidedBy).toEqual({ kind: "rule", id: "violates-mandatory-law" });
  });

  it("rejects unknown rules and rules without evidence", () => {
    const input = {
      current: { L: 1, S: 1 },
      directRules: [
        { id: "looks-dangerous", evidence: "x" },
        { id: "fatal-accident-12m", evidence: "  " },
        { id: "open-major-hidden-danger" },
      ],
    } as unknown as GradingInput;
    const error = errorOf(() => grade(LS_DEFAULT, input));
    expect(error.code).toBe("grading.unknownRule");
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ["grading.unknownRule", "directRules[0].id"],
      ["grading.missingEvidence", "directRules[1].evidence"],
      ["grading.missingEvidence", "directRules[2].evidence"],
    ]);
    expect(error.issues[0]?.allowed).toHaveLength(5);
    expect(error.issues[1]?.message.zh).toContain("事故报告或事故调查结论");
  });
});

describe("grade — inherent and current (domain.md §3)", () => {
  const inherent = { L: 6, E: 6, C: 15 }; // 540, major

  it("grades both and accepts a lowered current level when controls are recorded", () => {
    const g = grade(LEC_DEFAULT, {
      current: { L: 1, E: 6, C: 3 },
      inherent,
      controlsRecorded: true,
    });
    expect([g.level, g.inherent?.level, g.inherent?.score]).toEqual(["low", "major", 540]);
    expect(g.inherent?.explanation.zh).toBe("D = L×E×C = 6×6×15 = 540 > 320，判定为重大风险（红）");
    expect(g.consistency).toEqual({ currentAboveInherent: false, loweredWithoutControls: false });
  });

  it("flags a lowered current level without recorded controls (omitted counts as none)", () => {
    const current = { L: 1, E: 6, C: 3 };
    for (const controlsRecorded of [false, undefined])
      expect(grade(LEC_DEFAULT, { current, inherent, controlsRecorded }).consistency).toEqual({
        currentAboveInherent: false,
        loweredWithoutControls: true,
      });
  });

  it("flags a current level above the inherent one", () => {
    const g = grade(LEC_DEFAULT, { current: inherent, inherent: { L: 1, E: 6, C: 3 } });
    expect(g.consistency).toEqual({ currentAboveInherent: true, loweredWithoutControls: false });
  });

  it("does not flag equal levels, and applies a rule to both grades", () => {
    const g = grade(LEC_DEFAULT, {
      current: { L: 1, E: 1, C: 1 },
      inherent: { L: 3, E: 1, C: 1 },
      directRules: [{ id: "open-major-hidden-danger", evidence: "隐患 HD-2025-0042" }],
    });
    expect([g.level, g.inherent?.level, g.inherent?.decidedBy.kind]).toEqual([
      "major",
      "major",
      "rule",
    ]);
    expect(g.consistency).toEqual({ currentAboveInherent: false, loweredWithoutControls: false });
  });
});

describe("compileProfile and gradeCompiled", () => {
  it("compiles once per profile object and grades like grade()", () => {
    const compiled = compileProfile(LEC_DEFAULT);
    expect(compileProfile(LEC_DEFAULT)).toBe(compiled);
    expect(compiled.cells).toHaveLength(252);
    const input = { current: { L: 3, E: 10, C: 15 } };
    expect(gradeCompiled(compiled, input)).toEqual(grade(LEC_DEFAULT, input));
  });

  it("grades a profile with other letters through the generic path", () => {
    const custom: MethodProfile = {
      ...LS_DEFAULT,
      id: "custom",
      factors: LS_DEFAULT.factors.map((f, i) => ({
        ...f,
        letter: i ? "B" : "A",
        dimensions: undefined,
      })),
    };
    expect(grade(custom, { current: { A: 4, B: 5 } }).level).toBe("major");
    expect(() => grade(custom, { current: { A: 4, B: 5, C: 1 } })).toThrow(GradingInputError);
  });

  it("reuses rule-decided outcomes without mixing rules", () => {
    const run = (id: string) =>
      grade(LS_DEFAULT, { current: { L: 1, S: 2 }, directRules: [{ id, evidence: "e" }] });
    expect(run("fatal-accident-12m")).toEqual(run("fatal-accident-12m"));
    expect(run("violates-mandatory-law").decidedBy.id).toBe("violates-mandatory-law");
  });

  it("returns a grade a JSON round trip keeps", () => {
    const g = grade(LS_DEFAULT, { current: { L: 2, S: 3 }, inherent: { L: 4, S: 3 } });
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });
});
