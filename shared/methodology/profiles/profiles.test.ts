import { describe, expect, it } from "vitest";
import { ProfileNotFoundError } from "../errors.ts";
import { LEC_DEFAULT } from "./lec-default.ts";
import { LS_DEFAULT } from "./ls-default.ts";
import { MES_TEMPLATE } from "./mes-template.ts";
import { findProfileProblems, inBand, reachableScores } from "./profile-checks.ts";
import { type MethodProfile, MethodProfileSchema } from "./profile-schema.ts";
import { DEFAULT_PROFILES, getProfile, listLatestProfiles } from "./registry.ts";

const table = (p: MethodProfile, letter: string) =>
  p.factors.find((f) => f.letter === letter)?.values.map((v) => [v.value, v.zh]);

describe("shipped profiles", () => {
  it("all parse with MethodProfileSchema", () => {
    for (const p of DEFAULT_PROFILES) expect(MethodProfileSchema.parse(p)).toEqual(p);
  });

  it("carries the LEC tables of domain.md §3 verbatim", () => {
    expect(table(LEC_DEFAULT, "L")).toEqual([
      [10, "完全可以预料"],
      [6, "相当可能"],
      [3, "可能，但不经常"],
      [1, "可能性小，完全意外"],
      [0.5, "很不可能，可以设想"],
      [0.2, "极不可能"],
      [0.1, "实际不可能"],
    ]);
    expect(table(LEC_DEFAULT, "E")).toEqual([
      [10, "连续暴露"],
      [6, "每天工作时间内暴露"],
      [3, "每周一次或偶然暴露"],
      [2, "每月一次暴露"],
      [1, "每年几次暴露"],
      [0.5, "非常罕见地暴露"],
    ]);
    expect(table(LEC_DEFAULT, "C")).toEqual([
      [100, "大灾难，许多人死亡"],
      [40, "灾难，数人死亡"],
      [15, "非常严重，一人死亡"],
      [7, "严重，重伤"],
      [3, "重大，致残"],
      [1, "引人注目，需要救护"],
    ]);
  });

  it("states band edges explicitly: D>320, 160<D≤320, 70≤D≤160, D<70", () => {
    const band = (id: string) => LEC_DEFAULT.bands.find((b) => b.id === id);
    const edges = (id: string, scores: number[]) =>
      scores.map((s) => inBand(band(id) ?? { id, level: "low" }, s));
    expect(edges("d-above-320", [320, 320.5])).toEqual([false, true]);
    expect(edges("d-160-320", [160, 160.5, 320])).toEqual([false, true, true]);
    expect(edges("d-70-160", [69.9, 70, 160])).toEqual([false, true, true]);
    expect(edges("d-below-70", [69.9, 70])).toEqual([true, false]);
  });

  it("covers every LS product 1..25 of two 1–5 factors with exactly one band", () => {
    const products = reachableScores(LS_DEFAULT);
    expect(products).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    for (const r of products) expect(LS_DEFAULT.bands.filter((b) => inBand(b, r))).toHaveLength(1);
  });

  it("gives LS severity five dimensions on the factor's 1–5 scale", () => {
    const s = LS_DEFAULT.factors.find((f) => f.letter === "S");
    expect(s?.dimensions?.map((d) => d.id)).toEqual([
      "law",
      "people",
      "loss",
      "downtime",
      "reputation",
    ]);
    for (const d of s?.dimensions ?? [])
      expect(d.values.map((v) => v.value)).toEqual([5, 4, 3, 2, 1]);
  });

  it("ships the five default direct-major rules and review cadence", () => {
    for (const p of DEFAULT_PROFILES) {
      expect(p.directMajorRules.map((r) => r.id)).toEqual([
        "violates-mandatory-law",
        "major-hazard-installation",
        "open-major-hidden-danger",
        "fatal-accident-12m",
        "fire-explosion-poison-10plus",
      ]);
      expect(p.reviewCadenceDays).toEqual({ major: 30, significant: 90, general: 180, low: 365 });
    }
  });

  it("leaves the MES template's S table and bands empty", () => {
    expect(MES_TEMPLATE.status).toBe("template");
    expect(table(MES_TEMPLATE, "S")).toEqual([]);
    expect(MES_TEMPLATE.bands).toEqual([]);
    expect(table(MES_TEMPLATE, "M")?.map(([v]) => v)).toEqual([5, 3, 1]);
  });
});

describe("MethodProfileSchema checks", () => {
  it("rejects a published profile with a gap in its bands", () => {
    const gappy: MethodProfile = {
      ...LS_DEFAULT,
      bands: LS_DEFAULT.bands.filter((b) => b.id !== "r-4-8"),
    };
    expect(findProfileProblems(gappy).map((p) => p.en)).toContain(
      "score 4 falls in 0 bands (must be exactly 1)",
    );
    expect(MethodProfileSchema.safeParse(gappy).success).toBe(false);
  });

  it("rejects overlapping bands, levels falling with the score, and empty published tables", () => {
    const overlap = LEC_DEFAULT.bands.map((b) =>
      b.id === "d-70-160" ? { ...b, max: { value: 200, inclusive: true } } : b,
    );
    expect(findProfileProblems({ ...LEC_DEFAULT, bands: overlap }).length).toBeGreaterThan(0);
    const inverted = LEC_DEFAULT.bands.map((b) =>
      b.id === "d-below-70" ? { ...b, level: "significant" as const } : b,
    );
    expect(findProfileProblems({ ...LEC_DEFAULT, bands: inverted }).length).toBeGreaterThan(0);
    expect(findProfileProblems({ ...MES_TEMPLATE, status: "published" })).toHaveLength(1);
  });
});

describe("getProfile", () => {
  const v2: MethodProfile = { ...LEC_DEFAULT, version: 2 };
  const v3draft: MethodProfile = { ...LEC_DEFAULT, version: 3, status: "template" };

  it("returns the latest published version when none is asked", () => {
    expect(getProfile("lec-default", undefined, [LEC_DEFAULT, v2, v3draft])).toBe(v2);
    expect(getProfile("lec-default")).toBe(LEC_DEFAULT);
  });

  it("returns an exact version, templates included", () => {
    expect(getProfile("lec-default", 3, [LEC_DEFAULT, v2, v3draft])).toBe(v3draft);
    expect(getProfile("mes-template")).toBe(MES_TEMPLATE);
  });

  it("throws ProfileNotFoundError for an unknown id or version", () => {
    expect(() => getProfile("nope")).toThrow(ProfileNotFoundError);
    expect(() => getProfile("ls-default", 9)).toThrow(ProfileNotFoundError);
  });

  it("lists the latest of each id", () => {
    expect(listLatestProfiles([LEC_DEFAULT, v2, LS_DEFAULT]).map((p) => p.version)).toEqual([2, 1]);
  });
});
