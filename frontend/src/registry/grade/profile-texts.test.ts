import { describe, expect, it } from "vitest";
import { LEC_DEFAULT } from "../../../../shared/methodology/profiles/lec-default.ts";
import { bandRange, decidedByText, factorsText } from "./profile-texts.ts";

describe("grade texts from the profile", () => {
  it("writes each LEC band as a formula (domain.md §3)", () => {
    expect(LEC_DEFAULT.bands.map((b) => bandRange(LEC_DEFAULT, b.id))).toEqual([
      "D > 320",
      "160 < D ≤ 320",
      "70 ≤ D ≤ 160",
      "D < 70",
    ]);
  });

  it("names what decided a level, falling back to the id for unknown profiles", () => {
    expect(decidedByText(LEC_DEFAULT, { kind: "rule", id: "fatal-accident-12m" }).zh).toBe(
      "近12个月内本风险源或本企业同类风险源发生过死亡事故",
    );
    expect(decidedByText(undefined, { kind: "band", id: "d-70-160" })).toEqual({
      zh: "d-70-160",
      en: "d-70-160",
    });
  });

  it("lists factor values", () => {
    expect(factorsText({ L: 3, E: 6, C: 7 })).toBe("L=3 E=6 C=7");
  });
});
