import { describe, expect, it } from "vitest";
import { LEC_DEFAULT } from "../../../../shared/methodology/profiles/lec-default.ts";
import { assessmentInput, previewRequest } from "./assess-values.ts";

describe("assessment form values", () => {
  it("asks for no grade until every factor has a value", () => {
    expect(previewRequest(LEC_DEFAULT, { current: { L: 3, E: 6 } }, true)).toBeUndefined();
    expect(
      previewRequest(LEC_DEFAULT, { current: { L: 3, E: 6, C: 7 }, withInherent: true }, true),
    ).toBeUndefined();
  });

  it("builds the preview with the profile version, inherent inputs and evidenced rules only", () => {
    const request = previewRequest(
      LEC_DEFAULT,
      {
        current: { L: 3, E: 6, C: 7 },
        withInherent: true,
        inherent: { L: 6, E: 6, C: 15 },
        rules: {
          "fatal-accident-12m": { claimed: true, evidence: " 事故报告 2026-01 " },
          "violates-mandatory-law": { claimed: true, evidence: " " },
          "major-hazard-installation": { claimed: false, evidence: "x" },
        },
      },
      true,
    );

    expect(request).toEqual({
      profileId: "lec-default",
      profileVersion: 1,
      current: { L: 3, E: 6, C: 7 },
      inherent: { L: 6, E: 6, C: 15 },
      directRules: [{ id: "fatal-accident-12m", evidence: "事故报告 2026-01" }],
      controlsRecorded: true,
    });
  });

  it("submits the preview's inputs without controlsRecorded, with the reason and note", () => {
    const request = previewRequest(LEC_DEFAULT, { current: { L: 3, E: 6, C: 7 } }, false);
    if (!request) throw new Error("request expected");

    expect(assessmentInput(request, { trigger: "periodic", note: "  复评 " })).toEqual({
      profileId: "lec-default",
      profileVersion: 1,
      current: { L: 3, E: 6, C: 7 },
      trigger: "periodic",
      note: "复评",
    });
  });
});
