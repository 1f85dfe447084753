import { describe, expect, it } from "vitest";
import { lecNextVersion } from "../../test/support/profile-versions.ts";
import { grade } from "./grading.ts";
import { LEC_DEFAULT } from "./profiles/lec-default.ts";
import { LS_DEFAULT } from "./profiles/ls-default.ts";
import { MES_TEMPLATE } from "./profiles/mes-template.ts";
import type { MethodProfile } from "./profiles/profile-schema.ts";
import { currentVersion, needsRegrade, regradeDecision } from "./regrade.ts";

const V2 = lecNextVersion(2);

/** An assessment's stored inputs and grade under lec-default v1. */
function graded(current: Record<string, number>, inherent?: Record<string, number>) {
  const inputs = {
    current,
    ...(inherent ? { inherent } : {}),
    directRules: [] as { id: string; evidence: string }[],
    controlsRecorded: true,
  };
  return { inputs, grade: grade(LEC_DEFAULT, inputs) };
}

describe("currentVersion", () => {
  it("is the latest published version, skipping retired ones and templates", () => {
    const retired: MethodProfile = { ...V2, status: "retired" };
    expect(currentVersion("lec-default", [LEC_DEFAULT, V2])).toBe(V2);
    expect(currentVersion("lec-default", [LEC_DEFAULT, retired])).toBe(LEC_DEFAULT);
    expect(currentVersion("lec-default", [{ ...LEC_DEFAULT, status: "retired" }])).toBeUndefined();
    expect(currentVersion("mes-template", [MES_TEMPLATE])).toBeUndefined();
    expect(currentVersion("ls-default", [LEC_DEFAULT])).toBeUndefined();
  });
});

describe("needsRegrade", () => {
  const targets = new Map([["lec-default", V2]]);
  const pointer = (profileId: string, profileVersion: number) => ({
    lastAssessment: {
      id: "a",
      profileId,
      profileVersion,
      gradedAt: "2026-01-01T00:00:00.000Z",
      status: "accepted" as const,
    },
  });

  it("takes sources on an older or retired version of a pass's profile", () => {
    expect(needsRegrade(pointer("lec-default", 1), targets)).toBe(true);
    expect(needsRegrade(pointer("lec-default", 3), targets)).toBe(true);
  });

  it("leaves sources already on the current version, on other profiles, or ungraded", () => {
    expect(needsRegrade(pointer("lec-default", 2), targets)).toBe(false);
    expect(needsRegrade(pointer("ls-default", 1), targets)).toBe(false);
    expect(needsRegrade({ lastAssessment: null }, targets)).toBe(false);
  });
});

describe("regradeDecision", () => {
  it("changes a grade whose score falls in a moved band (L6 E6 C3 = 108: general → significant)", () => {
    const decision = regradeDecision(graded({ L: 6, E: 6, C: 3 }), V2);
    expect(decision).toMatchObject({
      kind: "changed",
      grade: { level: "significant", score: 108, profileVersion: 2 },
    });
  });

  it("leaves grades whose levels stay, whatever else the version changes", () => {
    for (const current of [
      { L: 1, E: 6, C: 15 }, // 90: general in both
      { L: 3, E: 10, C: 15 }, // 450: major in both
      { L: 1, E: 0.5, C: 40 }, // 20: low in both
    ]) {
      expect(regradeDecision(graded(current), V2).kind).toBe("unchanged");
    }
  });

  it("changes a grade when only the inherent level moves", () => {
    const decision = regradeDecision(graded({ L: 1, E: 6, C: 3 }, { L: 6, E: 6, C: 3 }), V2);
    expect(decision).toMatchObject({
      kind: "changed",
      grade: { level: "low", inherent: { level: "significant" } },
    });
  });

  it("keeps a direct-major claim deciding under the new version", () => {
    const base = graded({ L: 1, E: 1, C: 1 });
    const claimed = {
      ...base,
      inputs: {
        ...base.inputs,
        directRules: [{ id: "major-hazard-installation", evidence: "GB 18218" }],
      },
      grade: grade(LEC_DEFAULT, {
        ...base.inputs,
        directRules: [{ id: "major-hazard-installation", evidence: "GB 18218" }],
      }),
    };
    expect(regradeDecision(claimed, V2)).toMatchObject({
      kind: "unchanged",
      grade: { level: "major" },
    });
  });

  it("reports inputs the new version cannot grade instead of guessing", () => {
    expect(regradeDecision(graded({ L: 6, E: 6, C: 3 }), LS_DEFAULT).kind).toBe("ungradable");
    expect(regradeDecision(graded({ L: 6, E: 6, C: 3 }), { ...V2, status: "retired" }).kind).toBe(
      "ungradable",
    );
  });

  it("is stable: re-grading under the version it was re-graded to changes nothing", () => {
    const first = regradeDecision(graded({ L: 6, E: 6, C: 3 }), V2);
    if (first.kind !== "changed") throw new Error("expected a change");
    const again = regradeDecision(
      { inputs: graded({ L: 6, E: 6, C: 3 }).inputs, grade: first.grade },
      V2,
    );
    expect(again.kind).toBe("unchanged");
  });
});
