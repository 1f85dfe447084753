import { describe, expect, it } from "vitest";
import { IndicatorCreateInputSchema, levelOfValue } from "./indicator.ts";
import {
  applyReading,
  checkStale,
  type IndicatorState,
  initialState,
  type Reading,
} from "./indicator-state.ts";
import { DEFAULT_RULE_SET } from "./rules.ts";
import type { WarningSignal } from "./signals.ts";
import { at, clock, gasIndicator } from "./test-support.ts";

const indicator = gasIndicator();

/** Feeds readings (minute, value) in order; returns the final state and every signal. */
function feed(
  readings: readonly [number, number][],
  start: IndicatorState = initialState(indicator),
) {
  let state = start;
  const signals: WarningSignal[] = [];
  for (const [minute, value] of readings) {
    const reading: Reading = { indicatorId: indicator.id, at: at(minute), value };
    const out = applyReading(indicator, state, reading, DEFAULT_RULE_SET);
    state = out.state;
    signals.push(...out.signals);
  }
  return { state, signals };
}

const sustained = (s: WarningSignal[]) => s.filter((x) => x.rule === "threshold-sustained");

describe("levels of a value", () => {
  it("takes the most severe threshold reached, in the indicator's direction", () => {
    expect(levelOfValue(indicator, 5)).toBeUndefined();
    expect(levelOfValue(indicator, 10)).toBe("low");
    expect(levelOfValue(indicator, 24.9)).toBe("general");
    expect(levelOfValue(indicator, 99)).toBe("major");
    const pressure = { direction: "below" as const, thresholds: { general: 0.2, major: 0.1 } };
    expect(levelOfValue(pressure, 0.3)).toBeUndefined();
    expect(levelOfValue(pressure, 0.15)).toBe("general");
    expect(levelOfValue(pressure, 0.05)).toBe("major");
  });

  it("refuses thresholds out of order and fills defaults", () => {
    const base = { name: "压力", unit: "MPa" };
    expect(IndicatorCreateInputSchema.safeParse({ ...base, thresholds: {} }).success).toBe(false);
    expect(
      IndicatorCreateInputSchema.safeParse({ ...base, thresholds: { low: 5, major: 2 } }).success,
    ).toBe(false);
    const parsed = IndicatorCreateInputSchema.parse({
      ...base,
      direction: "below",
      thresholds: { low: 5, major: 2 },
    });
    expect(parsed).toMatchObject({
      sustainSeconds: 120,
      recoverySeconds: 300,
      staleAfterSeconds: 900,
    });
  });
});

describe("sustained threshold breach", () => {
  it("raises nothing for a brief breach", () => {
    const { signals } = feed([
      [0, 5],
      [1, 45],
      [2, 45],
      [3, 5],
      [4, 5],
    ]);
    expect(sustained(signals)).toEqual([]);
  });

  it("raises once when the breach lasts the sustain period, at the level held", () => {
    const { signals } = feed([
      [0, 22],
      [2, 22],
      [4, 22],
      [5, 22],
      [6, 22],
      [7, 22],
    ]);
    const raised = sustained(signals);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      kind: "raise",
      level: "general",
      at: at(5),
      detail: { threshold: 20 },
    });
  });

  it("re-fires at a higher level once that level has been held too", () => {
    const { signals } = feed([
      [0, 22],
      [5, 22],
      [6, 45],
      [10, 45],
      [11, 45],
      [12, 45],
    ]);
    expect(sustained(signals).map((s) => (s.kind === "raise" ? s.level : "clear"))).toEqual([
      "general",
      "major",
    ]);
  });

  it("clears only after the recovery hold, and a relapse restarts the hold", () => {
    const breach: [number, number][] = [
      [0, 30],
      [5, 30],
    ];
    const relapse = feed([...breach, [6, 5], [10, 5], [12, 30], [13, 5], [20, 5]]);
    expect(sustained(relapse.signals).map((s) => s.kind)).toEqual(["raise"]);
    const recovered = feed([...breach, [6, 5], [10, 5], [16, 5]]);
    expect(sustained(recovered.signals).map((s) => s.kind)).toEqual(["raise", "clear"]);
    expect(recovered.state.sustained.raised).toBeNull();
  });

  it("raises at once with no sustain period", () => {
    const instant = gasIndicator({ sustainSeconds: 0 });
    const out = applyReading(
      instant,
      initialState(instant),
      { indicatorId: instant.id, at: at(0), value: 41 },
      DEFAULT_RULE_SET,
    );
    expect(out.signals.filter((s) => s.rule === "threshold-sustained")).toMatchObject([
      { kind: "raise", level: "major" },
    ]);
  });
});

describe("readings out of order", () => {
  it("ignores a duplicate (indicator, timestamp) and reports older readings late", () => {
    const { state } = feed([
      [0, 5],
      [1, 6],
      [2, 7],
    ]);
    const dup = applyReading(
      indicator,
      state,
      { indicatorId: indicator.id, at: at(1), value: 99 },
      DEFAULT_RULE_SET,
    );
    expect(dup.fate).toBe("duplicate");
    expect(dup.state).toBe(state);
    const old = applyReading(
      indicator,
      state,
      { indicatorId: indicator.id, at: at(-120), value: 1 },
      DEFAULT_RULE_SET,
    );
    expect(old.fate).toBe("late");
    expect(old.state).toBe(state);
  });

  it("keeps the trend window bounded", () => {
    const many = Array.from({ length: 500 }, (_, i) => [i * 0.1, 1] as [number, number]);
    const { state } = feed(many);
    expect(state.window.length).toBeLessThanOrEqual(DEFAULT_RULE_SET.predicted.maxPoints);
  });
});

describe("predicted breach (预测预警)", () => {
  it("raises when the trend crosses a threshold within the horizon, before it is reached", () => {
    // Rising 0.2 %LEL a minute from 10: yellow (20) is reached at minute 50, orange (25) only
    // at 75 — beyond the hour's horizon when the fifth reading (minute 4) makes a trend.
    const readings = Array.from({ length: 6 }, (_, i) => [i, 10 + i * 0.2] as [number, number]);
    const { signals } = feed(readings);
    const predicted = signals.filter((s) => s.rule === "threshold-predicted");
    expect(predicted).toHaveLength(1);
    expect(predicted[0]).toMatchObject({
      kind: "raise",
      level: "general",
      detail: { threshold: 20 },
    });
    const when = predicted[0]?.detail.predictedAt;
    expect(Date.parse(when ?? "")).toBeCloseTo(clock(50).getTime(), -3);
    expect(sustained(signals)).toMatchObject([{ kind: "raise", level: "low" }]);
  });

  it("predicts nothing from too few points, a flat line or a falling one", () => {
    expect(
      feed([
        [0, 10],
        [1, 15],
        [2, 19],
      ]).signals.filter((s) => s.rule === "threshold-predicted"),
    ).toEqual([]);
    const flat = Array.from({ length: 10 }, (_, i) => [i, 15] as [number, number]);
    expect(feed(flat).signals.filter((s) => s.rule === "threshold-predicted")).toEqual([]);
    const falling = Array.from({ length: 10 }, (_, i) => [i, 19 - i] as [number, number]);
    expect(feed(falling).signals.filter((s) => s.rule === "threshold-predicted")).toEqual([]);
  });

  it("does not predict beyond the horizon", () => {
    // 0.01 %LEL a minute from 5: yellow is 25 hours away.
    const slow = Array.from({ length: 10 }, (_, i) => [i, 5 + i * 0.01] as [number, number]);
    expect(feed(slow).signals.filter((s) => s.rule === "threshold-predicted")).toEqual([]);
  });

  it("clears after the trend has stayed calm for the recovery hold", () => {
    const rising = Array.from({ length: 6 }, (_, i) => [i, 10 + i * 0.5] as [number, number]);
    const calm = Array.from({ length: 40 }, (_, i) => [6 + i, 12] as [number, number]);
    const kinds = feed([...rising, ...calm])
      .signals.filter((s) => s.rule === "threshold-predicted")
      .map((s) => s.kind);
    expect(kinds).toEqual(["raise", "clear"]);
  });
});

describe("stale sensors", () => {
  it("goes stale after the limit without readings, once, and a reading clears it", () => {
    const { state } = feed([[0, 5]]);
    expect(checkStale(indicator, state, clock(14), DEFAULT_RULE_SET).signal).toBeUndefined();
    const stale = checkStale(indicator, state, clock(15), DEFAULT_RULE_SET);
    expect(stale.signal).toMatchObject({ rule: "sensor-stale", kind: "raise", level: "general" });
    expect(checkStale(indicator, stale.state, clock(30), DEFAULT_RULE_SET).signal).toBeUndefined();
    const back = applyReading(
      indicator,
      stale.state,
      { indicatorId: indicator.id, at: at(31), value: 5 },
      DEFAULT_RULE_SET,
    );
    expect(back.signals).toMatchObject([{ rule: "sensor-stale", kind: "clear" }]);
    expect(back.state.stale).toBe(false);
  });

  it("counts from the indicator's creation before the first reading", () => {
    const fresh = initialState(indicator); // created at minute -60
    expect(checkStale(indicator, fresh, clock(-46), DEFAULT_RULE_SET).signal).toBeUndefined();
    expect(checkStale(indicator, fresh, clock(-45), DEFAULT_RULE_SET).signal).toBeDefined();
  });
});
