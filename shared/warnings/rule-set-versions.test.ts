import { describe, expect, it } from "vitest";
import { publicationIssues, ruleSetInForce, ruleSetVersions } from "./rule-set-versions.ts";
import { DEFAULT_RULE_SET, type WarningRuleSet } from "./rules.ts";

const version = (n: number, changes: Partial<WarningRuleSet> = {}): WarningRuleSet => ({
  ...DEFAULT_RULE_SET,
  version: n,
  ...changes,
});

describe("ruleSetVersions", () => {
  it("is the product default alone when nothing is published", () => {
    expect(ruleSetVersions([])).toEqual([DEFAULT_RULE_SET]);
  });

  it("lists the published versions and the shipped v1, newest first", () => {
    const [v2, v3] = [version(2, { staleLevel: "major" }), version(3, { reviewGraceDays: 2 })];
    expect(ruleSetVersions([v2, v3])).toEqual([v3, v2, DEFAULT_RULE_SET]);
  });

  it("keeps a stored v1 in place of the shipped one, and ignores anything not published", () => {
    const storedV1 = version(1, { staleLevel: "low" });
    expect(ruleSetVersions([storedV1, version(2, { status: "draft" })])).toEqual([storedV1]);
  });
});

describe("ruleSetInForce", () => {
  it("is the newest published version, else the product default", () => {
    expect(ruleSetInForce([])).toBe(DEFAULT_RULE_SET);
    const v2 = version(2, { staleLevel: "major" });
    expect(ruleSetInForce([v2])).toBe(v2);
  });
});

describe("publicationIssues", () => {
  it("accepts the next version of the rule set in force", () => {
    expect(publicationIssues(version(2, { staleLevel: "major" }), DEFAULT_RULE_SET)).toEqual([]);
  });

  it("refuses any version but the next, naming the one expected", () => {
    for (const n of [1, 3]) {
      expect(publicationIssues(version(n), DEFAULT_RULE_SET)).toEqual([
        {
          path: "body.version",
          code: "warningRules.invalidVersion",
          message: {
            zh: "新发布的版本须为 2，且状态为 published",
            en: "The next version must be 2 with status published",
          },
          allowed: [2],
        },
      ]);
    }
  });

  it("refuses a draft of the right version on its status", () => {
    expect(publicationIssues(version(2, { status: "draft" }), DEFAULT_RULE_SET)).toEqual([
      expect.objectContaining({
        path: "body.status",
        code: "warningRules.invalidVersion",
        allowed: ["published"],
      }),
    ]);
  });

  it("refuses another rule set's id, and a minimum of points above those kept", () => {
    const proposed = version(2, {
      id: "warning-rules-other",
      predicted: { ...DEFAULT_RULE_SET.predicted, minPoints: 61, maxPoints: 60 },
    });
    expect(publicationIssues(proposed, DEFAULT_RULE_SET)).toEqual([
      expect.objectContaining({
        path: "body.id",
        code: "warningRules.invalidId",
        allowed: [DEFAULT_RULE_SET.id],
      }),
      expect.objectContaining({
        path: "body.predicted.minPoints",
        code: "warningRules.invalidPoints",
      }),
    ]);
  });
});
