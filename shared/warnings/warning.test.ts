import { describe, expect, it } from "vitest";
import { jurisdictionsAt } from "./escalation.ts";
import { DEFAULT_RULE_SET } from "./rules.ts";
import type { WarningSignal } from "./signals.ts";
import { assessedLevelSignal, reviewOverdueSignal } from "./source-rules.ts";
import { clock } from "./test-support.ts";
import {
  applyClear,
  clearWarning,
  escalateWarning,
  holdersOf,
  raiseWarning,
  refireWarning,
  transitionWarning,
  type Warning,
  WarningTransitionError,
} from "./warning.ts";

const timing = DEFAULT_RULE_SET.escalation;
const place = { district: "110105", street: "建外街道", industry: "gas" } as const;

function raise(level: Warning["level"], minute = 0, indicatorId?: string): Warning {
  const signal: Extract<WarningSignal, { kind: "raise" }> = {
    rule: "threshold-sustained",
    kind: "raise",
    level,
    at: clock(minute).toISOString(),
    detail: { value: 45, threshold: 40, ...(indicatorId === undefined ? {} : { indicatorId }) },
  };
  return raiseWarning(
    signal,
    {
      id: "t-gas~w1",
      tenantId: "t-gas",
      riskSourceId: "t-gas~rs1",
      riskSourceName: "储罐区",
      enterpriseName: "加油站",
      place,
      rules: DEFAULT_RULE_SET,
      timing,
    },
    clock(minute),
  );
}

/** Runs the sweep every minute from `from` to `to`; returns the warning and the steps reached. */
function sweep(warning: Warning, from: number, to: number) {
  let w = warning;
  const steps: [number, string][] = [];
  for (let m = from; m <= to; m++) {
    const next = escalateWarning(w, timing, clock(m));
    if (next) {
      w = next;
      steps.push([m, next.escalation.step]);
    }
  }
  return { warning: w, steps };
}

describe("lifecycle", () => {
  it("goes open → acknowledged → handling → resolved → closed with notes, each on the timeline", () => {
    let w = raise("major");
    w = transitionWarning(w, "acknowledge", "u1", "收到", timing, clock(1)) as Warning;
    w = transitionWarning(w, "handle", "u1", "已派人", timing, clock(2)) as Warning;
    w = transitionWarning(w, "resolve", "u1", "已关阀", timing, clock(3)) as Warning;
    w = transitionWarning(w, "close", "u2", undefined, timing, clock(4)) as Warning;
    expect(w.status).toBe("closed");
    expect(w.timeline.map((e) => [e.kind, e.note])).toEqual([
      ["raised", undefined],
      ["acknowledged", "收到"],
      ["handling", "已派人"],
      ["resolved", "已关阀"],
      ["closed", undefined],
    ]);
    expect(w.version).toBe(5);
  });

  it("acknowledging twice is harmless, and so is any step repeated", () => {
    const w = transitionWarning(raise("major"), "acknowledge", "u1", undefined, timing, clock(1));
    expect(w).toBeDefined();
    expect(
      transitionWarning(w as Warning, "acknowledge", "u2", undefined, timing, clock(2)),
    ).toBeUndefined();
    const resolved = transitionWarning(w as Warning, "resolve", "u1", undefined, timing, clock(3));
    expect(
      transitionWarning(resolved as Warning, "resolve", "u1", undefined, timing, clock(4)),
    ).toBeUndefined();
    expect(
      transitionWarning(resolved as Warning, "acknowledge", "u1", undefined, timing, clock(4)),
    ).toBeUndefined();
  });

  it("refuses steps that do not follow", () => {
    expect(() =>
      transitionWarning(raise("low"), "close", "u1", undefined, timing, clock(1)),
    ).toThrow(WarningTransitionError);
    const cleared = clearWarning(raise("low"), clock(1)) as Warning;
    expect(cleared.status).toBe("cleared");
    expect(() => transitionWarning(cleared, "handle", "u1", undefined, timing, clock(2))).toThrow(
      WarningTransitionError,
    );
    expect(transitionWarning(cleared, "close", "u1", "误报", timing, clock(2))?.status).toBe(
      "closed",
    );
    expect(clearWarning(cleared, clock(3))).toBeUndefined();
  });

  it("clears for a removed source with who removed it, and stops the escalation", () => {
    const cleared = clearWarning(raise("major"), clock(1), "u-gas-admin") as Warning;
    expect(cleared.status).toBe("cleared");
    expect(cleared.escalation.dueAt).toBeNull();
    expect(cleared.timeline.at(-1)).toMatchObject({ kind: "sourceRemoved", by: "u-gas-admin" });
    expect(clearWarning(raise("major"), clock(1))?.timeline.at(-1)?.kind).toBe("cleared");
  });

  it("a re-fire updates the warning (level up, count, detail) and never makes another", () => {
    const w = raise("general");
    const signal: Extract<WarningSignal, { kind: "raise" }> = {
      rule: "threshold-sustained",
      kind: "raise",
      level: "major",
      at: clock(5).toISOString(),
      detail: { value: 50, threshold: 40 },
    };
    const again = refireWarning(w, signal, timing, clock(5));
    expect(again).toMatchObject({ id: w.id, level: "major", fireCount: 2, raisedAt: w.raisedAt });
    expect(again.detail.value).toBe(50);
    // Red now: 15 minutes to acknowledge from the re-fire.
    expect(again.escalation.dueAt).toBe(clock(20).toISOString());
    const lower = refireWarning(again, { ...signal, level: "low" }, timing, clock(6));
    expect(lower.level).toBe("major");
  });
});

describe("several indicators under one rule", () => {
  const fire = (
    indicatorId: string | undefined,
    minute: number,
  ): Extract<WarningSignal, { kind: "raise" }> => ({
    rule: "threshold-sustained",
    kind: "raise",
    level: "general",
    at: clock(minute).toISOString(),
    detail: { value: 22, threshold: 20, ...(indicatorId === undefined ? {} : { indicatorId }) },
  });
  const recover = (
    indicatorId: string | undefined,
    minute: number,
  ): Extract<WarningSignal, { kind: "clear" }> => ({
    rule: "threshold-sustained",
    kind: "clear",
    at: clock(minute).toISOString(),
    detail: { value: 5, ...(indicatorId === undefined ? {} : { indicatorId }) },
  });

  it("stays live while any indicator holding it still breaches", () => {
    const a = raise("general", 0, "A");
    expect(a.holders).toEqual(["A"]);
    const ab = refireWarning(a, fire("B", 1), timing, clock(1));
    expect(ab.holders).toEqual(["A", "B"]);
    expect(ab.detail.indicatorId).toBe("B");
    // A second breach of the same indicator does not hold it twice.
    expect(refireWarning(ab, fire("A", 2), timing, clock(2)).holders).toEqual(["A", "B"]);

    const released = applyClear(ab, recover("B", 3), clock(3));
    expect(released.kind).toBe("released");
    const stillA = (released as { warning: Warning }).warning;
    expect(stillA).toMatchObject({ status: "open", holders: ["A"], version: ab.version + 1 });
    expect(stillA.escalation).toEqual(ab.escalation);
    expect(stillA.timeline).toEqual(ab.timeline);

    const cleared = applyClear(stillA, recover("A", 4), clock(4));
    expect(cleared.kind).toBe("cleared");
    expect((cleared as { warning: Warning }).warning.status).toBe("cleared");
  });

  it("a recovery of an indicator that does not hold it changes nothing", () => {
    const a = raise("general", 0, "A");
    expect(applyClear(a, recover("C", 1), clock(1))).toEqual({ kind: "none" });
    const ab = refireWarning(a, fire("B", 1), timing, clock(1));
    expect(applyClear(ab, recover("C", 2), clock(2))).toEqual({ kind: "none" });
    // A warning no longer live is never cleared again.
    const done = clearWarning(a, clock(3)) as Warning;
    expect(applyClear(done, recover("A", 4), clock(4))).toEqual({ kind: "none" });
  });

  it("a warning stored before holders were kept is held by the indicator its detail names", () => {
    const { holders: _, ...legacy } = refireWarning(
      raise("general", 0, "A"),
      fire("B", 1),
      timing,
      clock(1),
    );
    expect(holdersOf(legacy)).toEqual(["B"]);
    expect(applyClear(legacy, recover("A", 2), clock(2))).toEqual({ kind: "none" });
    expect(applyClear(legacy, recover("B", 2), clock(2)).kind).toBe("cleared");
    // From its next re-fire on it keeps them.
    expect(refireWarning(legacy, fire("A", 3), timing, clock(3)).holders).toEqual(["B", "A"]);
  });

  it("source-level rules (no indicator) raise, re-fire and clear as ever, without holders", () => {
    const w = raise("major");
    expect(w.holders).toBeUndefined();
    expect(holdersOf(w)).toEqual([]);
    const again = refireWarning(w, fire(undefined, 1), timing, clock(1));
    expect(again.holders).toBeUndefined();
    expect(applyClear(again, recover(undefined, 2), clock(2)).kind).toBe("cleared");
    // A clear naming an indicator on a warning held by none is the rule's own verdict.
    expect(applyClear(again, recover("A", 2), clock(2)).kind).toBe("cleared");
    // An indicator's warning clears on a clear naming none, as before.
    expect(applyClear(raise("general", 0, "A"), recover(undefined, 2), clock(2)).kind).toBe(
      "cleared",
    );
  });
});

describe("escalation along the responsibility chain", () => {
  it("climbs when a red warning is not acknowledged within 15 minutes, and every 15 after", () => {
    // Raised to the enterprise and its street; the district and the industry department at 15.
    expect(raise("major").escalation.step).toBe("street");
    const { steps } = sweep(raise("major"), 0, 70);
    expect(steps).toEqual([
      [15, "district"],
      [30, "city"],
    ]);
  });

  it("uses the level's defaults: orange 30 min, yellow 4 h, blue 24 h", () => {
    expect(sweep(raise("significant"), 0, 31).steps).toEqual([[30, "district"]]);
    expect(sweep(raise("general"), 0, 241).steps).toEqual([[240, "district"]]);
    expect(escalateWarning(raise("low"), timing, clock(1439))).toBeUndefined();
    expect(escalateWarning(raise("low"), timing, clock(1440))?.escalation.step).toBe("district");
  });

  it("stops climbing once acknowledged, and climbs again when unresolved past the deadline", () => {
    const early = sweep(raise("major"), 0, 16).warning; // at the district since minute 15
    const acked = transitionWarning(
      early,
      "acknowledge",
      "u1",
      undefined,
      timing,
      clock(20),
    ) as Warning;
    expect(acked.escalation).toMatchObject({ step: "district", awaiting: "resolve" });
    // Red: 4 hours to resolve after the acknowledgement.
    const { steps, warning } = sweep(acked, 21, 20 + 240);
    expect(steps).toEqual([[260, "city"]]);
    expect(warning.timeline.at(-1)).toMatchObject({
      kind: "escalated",
      note: "unresolved",
      step: "city",
    });
  });

  it("does nothing after resolution or clearance, and stops at the city", () => {
    const resolved = transitionWarning(
      raise("major"),
      "resolve",
      "u1",
      undefined,
      timing,
      clock(1),
    ) as Warning;
    expect(sweep(resolved, 0, 600).steps).toEqual([]);
    const top = sweep(raise("major"), 0, 70).warning;
    expect(top.escalation.dueAt).toBeNull();
    expect(escalateWarning(top, timing, clock(10_000))).toBeUndefined();
  });

  it("is idempotent per minute: a second sweep at the same time changes nothing", () => {
    const once = escalateWarning(raise("major"), timing, clock(15)) as Warning;
    expect(escalateWarning(once, timing, clock(15))).toBeUndefined();
  });

  it("names the jurisdictions responsible at each step", () => {
    expect(jurisdictionsAt("enterprise", place)).toEqual([]);
    expect(jurisdictionsAt("street", place)).toEqual(["d:110105/建外街道"]);
    expect(jurisdictionsAt("district", place)).toEqual(["d:110105", "i:gas"]);
    // Stored before the district and the industry department became one step: read as one.
    expect(jurisdictionsAt("industry", place)).toEqual(["d:110105", "i:gas"]);
    expect(jurisdictionsAt("city", place)).toEqual(["*"]);
  });
});

describe("source rules", () => {
  it("assessed major raises at once and leaving major clears", () => {
    expect(assessedLevelSignal("general", "major", clock(0))).toMatchObject({
      kind: "raise",
      level: "major",
    });
    expect(assessedLevelSignal(null, "major", clock(0))).toMatchObject({ kind: "raise" });
    expect(assessedLevelSignal("major", "major", clock(0))).toBeUndefined();
    expect(assessedLevelSignal("major", "significant", clock(0))).toMatchObject({ kind: "clear" });
    expect(assessedLevelSignal("low", "general", clock(0))).toBeUndefined();
  });

  it("review overdue warns at the source's level once the due date passed", () => {
    const source = { currentLevel: "significant" as const, nextReviewAt: clock(10).toISOString() };
    expect(reviewOverdueSignal(source, clock(9), DEFAULT_RULE_SET)).toBeUndefined();
    expect(reviewOverdueSignal(source, clock(10), DEFAULT_RULE_SET)).toMatchObject({
      rule: "review-overdue",
      level: "significant",
      detail: { dueAt: source.nextReviewAt },
    });
    expect(
      reviewOverdueSignal({ currentLevel: null, nextReviewAt: null }, clock(10), DEFAULT_RULE_SET),
    ).toBeUndefined();
  });
});
