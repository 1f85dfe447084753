import { describe, expect, it } from "vitest";
import {
  answerProblems,
  CAPABILITY_DIMENSIONS,
  type CapabilityAnswer,
  type CapabilityChecklist,
  scoreCapability,
} from "./capability.ts";
import { CAPABILITY_CHECKLISTS, checklistInForce, checklistOf } from "./capability-checklists.ts";

const tiny: CapabilityChecklist = {
  id: "tiny",
  version: 1,
  effectiveFrom: "2026-01-01",
  dimensions: [
    {
      dimension: "rules",
      items: [
        { id: "rules.a", label: { zh: "甲", en: "A" }, weight: 3 },
        { id: "rules.b", label: { zh: "乙", en: "B" }, weight: 1 },
      ],
    },
    {
      dimension: "training",
      items: [{ id: "training.a", label: { zh: "丙", en: "C" }, weight: 2 }],
    },
    { dimension: "support", items: [{ id: "support.a", label: { zh: "丁", en: "D" }, weight: 2 }] },
  ],
};

describe("the capability checklist", () => {
  it("covers every dimension once per version, with item ids unique across versions' dimensions", () => {
    for (const checklist of CAPABILITY_CHECKLISTS) {
      expect(checklist.dimensions.map((d) => d.dimension)).toEqual([...CAPABILITY_DIMENSIONS]);
      const ids = checklist.dimensions.flatMap((d) => d.items.map((i) => i.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("finds a version by id and number, and the one in force on a date", () => {
    expect(checklistOf("capability", 1)?.version).toBe(1);
    expect(checklistOf("capability", 99)).toBeUndefined();
    expect(checklistInForce("2026-12-05")?.id).toBe("capability");
    expect(checklistInForce("2020-01-01")).toBeUndefined();
    const next = { ...tiny, version: 2, effectiveFrom: "2027-01-01" };
    expect(checklistInForce("2026-12-31", [tiny, next])?.version).toBe(1);
    expect(checklistInForce("2027-01-01", [tiny, next])?.version).toBe(2);
  });
});

describe("scoreCapability", () => {
  it("weighs items, counts a partial answer half and leaves a not-applicable item out", () => {
    const answers: Record<string, CapabilityAnswer> = {
      "rules.a": "partial",
      "rules.b": "met",
      "training.a": "notApplicable",
      "support.a": "notMet",
    };
    expect(scoreCapability(tiny, answers)).toEqual({
      dimensions: [
        { dimension: "support", score: 0, gaps: ["support.a"] },
        { dimension: "rules", score: 62.5, gaps: ["rules.a"] },
        { dimension: "training", score: null, gaps: [] },
      ],
      overall: 31.3,
    });
  });

  it("orders equal scores in the order of CAPABILITY_DIMENSIONS", () => {
    const all = {
      "rules.a": "met",
      "rules.b": "met",
      "training.a": "met",
      "support.a": "met",
    } as const;
    expect(scoreCapability(tiny, all).dimensions.map((d) => d.dimension)).toEqual([
      "rules",
      "support",
      "training",
    ]);
  });

  it("has no overall score when nothing applies", () => {
    const none = Object.fromEntries(
      ["rules.a", "rules.b", "training.a", "support.a"].map((id) => [id, "notApplicable" as const]),
    );
    expect(scoreCapability(tiny, none).overall).toBeNull();
  });

  it("names unanswered and unknown items by their field path", () => {
    expect(
      answerProblems(tiny, {
        "rules.a": "met",
        "rules.b": "met",
        "support.a": "met",
        "x.y": "met",
      }).map((p) => p.path),
    ).toEqual(["body.answers.x.y", "body.answers.training.a"]);
  });
});
