import { describe, expect, it } from "vitest";
import { GradingPreviewRequestSchema } from "./grading-request.ts";

describe("GradingPreviewRequestSchema", () => {
  it("accepts LEC and LS bodies", () => {
    const lec = { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } };
    expect(GradingPreviewRequestSchema.parse(lec)).toEqual(lec);
    const ls = {
      profileId: "ls-default",
      profileVersion: 1,
      current: { L: 3 },
      inherent: { L: 4, S: 4 },
      dimensions: { current: { S: { people: 4 } } },
      directRules: [{ id: "fatal-accident-12m", evidence: "事故报告" }],
      controlsRecorded: true,
    };
    expect(GradingPreviewRequestSchema.parse(ls)).toEqual(ls);
  });

  it("rejects unknown keys, a wrong version and blank evidence, with field paths", () => {
    const bad = GradingPreviewRequestSchema.safeParse({
      profileId: "lec-default",
      profileVersion: 0,
      current: { L: 3, E: 10, C: 15 },
      directRules: [{ id: "fatal-accident-12m", evidence: " " }],
      extra: true,
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual([
      "profileVersion",
      "directRules.0.evidence",
      "",
    ]);
  });

  it("rejects factors of neither shape", () => {
    const body = { profileId: "lec-default", current: { L: 3, E: 10, C: 15, S: 1 } };
    expect(GradingPreviewRequestSchema.safeParse(body).success).toBe(false);
    expect(
      GradingPreviewRequestSchema.safeParse({ profileId: "x", current: { L: "3" } }).success,
    ).toBe(false);
  });
});
