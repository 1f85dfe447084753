import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade } from "./grading.ts";
import { levelRank } from "./levels.ts";
import { LEC_DEFAULT } from "./profiles/lec-default.ts";
import { LS_DEFAULT } from "./profiles/ls-default.ts";
import type { MethodProfile } from "./profiles/profile-schema.ts";

/** A valid input as value positions per factor, plus one factor to raise and by how much. */
function monotoneProperty(profile: MethodProfile) {
  const sizes = profile.factors.map((f) => f.values.length);
  const positions = fc.tuple(...sizes.map((n) => fc.nat({ max: n - 1 })));
  return fc.property(positions, fc.nat({ max: sizes.length - 1 }), fc.nat(), (pos, which, by) => {
    const valuesAt = (p: readonly number[]) =>
      Object.fromEntries(
        profile.factors.map((f, i) => [f.letter, f.values[p[i] ?? 0]?.value ?? Number.NaN]),
      );
    const raised = [...pos];
    // Tables are listed most severe first, so a smaller position is a larger value.
    raised[which] = (pos[which] ?? 0) - (by % ((pos[which] ?? 0) + 1));
    const low = grade(profile, { current: valuesAt(pos) });
    const high = grade(profile, { current: valuesAt(raised) });
    expect(high.score).toBeGreaterThanOrEqual(low.score);
    expect(levelRank(high.level)).toBeGreaterThanOrEqual(levelRank(low.level));
  });
}

describe("grading is monotone in each factor", () => {
  it("LEC default: raising any factor never lowers the level", () => {
    fc.assert(monotoneProperty(LEC_DEFAULT), { numRuns: 2000 });
  });

  it("LS default: raising any factor never lowers the level", () => {
    fc.assert(monotoneProperty(LS_DEFAULT), { numRuns: 1000 });
  });

  it("a direct-major rule always gives major whatever the values", () => {
    const [l, e, c] = LEC_DEFAULT.factors.map((f) =>
      fc.constantFrom(...f.values.map((v) => v.value)),
    );
    if (!l || !e || !c) throw new Error("LEC has three factors");
    const input = fc.record({ L: l, E: e, C: c });
    fc.assert(
      fc.property(input, fc.constantFrom(...LEC_DEFAULT.directMajorRules), (current, rule) => {
        const g = grade(LEC_DEFAULT, {
          current,
          directRules: [{ id: rule.id, evidence: "证据" }],
        });
        expect([g.level, g.decidedBy]).toEqual(["major", { kind: "rule", id: rule.id }]);
      }),
    );
  });
});
