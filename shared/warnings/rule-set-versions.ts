import type { FieldIssue } from "../errors.ts";
import { DEFAULT_RULE_SET, type WarningRuleSet } from "./rules.ts";

/**
 * Every version of the warning rules, newest first: those the city admin published and the
 * product's own v1, which stands until a version is published (nothing is seeded). Versions are
 * immutable, like method profiles' (domain.md §1): a warning names the one it was raised under.
 */
export function ruleSetVersions(published: readonly WarningRuleSet[]): WarningRuleSet[] {
  const own = published.filter((r) => r.status === "published");
  const shipped = own.some((r) => r.version === DEFAULT_RULE_SET.version) ? [] : [DEFAULT_RULE_SET];
  return [...own, ...shipped].sort((a, b) => b.version - a.version);
}

/** The version in force: the newest published, else the product default (v1). */
export function ruleSetInForce(published: readonly WarningRuleSet[]): WarningRuleSet {
  return ruleSetVersions(published)[0] ?? DEFAULT_RULE_SET;
}

/**
 * Why `proposed` may not follow `current`, field by field; empty when it may be published. The
 * city publishes the next version of its one rule set, as the city admin publishes the next
 * version of a method profile: same id, `published`, the version after the one in force. The
 * trend needs its minimum of points to fit within the points the state item keeps.
 */
export function publicationIssues(proposed: WarningRuleSet, current: WarningRuleSet): FieldIssue[] {
  const next = current.version + 1;
  const issues: FieldIssue[] = [];
  if (proposed.id !== current.id) {
    issues.push({
      path: "body.id",
      code: "warningRules.invalidId",
      message: {
        zh: `只能发布预警规则 ${current.id} 的新版本`,
        en: `Publish new versions of the rule set ${current.id}`,
      },
      allowed: [current.id],
    });
  }
  if (proposed.status !== "published" || proposed.version !== next) {
    issues.push({
      path: proposed.version === next ? "body.status" : "body.version",
      code: "warningRules.invalidVersion",
      message: {
        zh: `新发布的版本须为 ${next}，且状态为 published`,
        en: `The next version must be ${next} with status published`,
      },
      allowed: proposed.version === next ? ["published"] : [next],
    });
  }
  const { minPoints, maxPoints } = proposed.predicted;
  if (minPoints > maxPoints) {
    issues.push({
      path: "body.predicted.minPoints",
      code: "warningRules.invalidPoints",
      message: {
        zh: `预测所需的最少点数不能超过保留的点数（${maxPoints}）`,
        en: `The points a prediction needs cannot exceed the points kept (${maxPoints})`,
      },
    });
  }
  return issues;
}
