import { LEVELS, type Level, levelRank } from "../methodology/levels.ts";
import { advanceHold, EMPTY_HOLD, type Hold } from "./hold.ts";
import { type Indicator, levelOfValue } from "./indicator.ts";
import type { WarningRuleSet } from "./rules.ts";
import type { SignalDetail, WarningSignal } from "./signals.ts";
import { fitLine, type Point, timeToReach } from "./trend.ts";

/**
 * The one stored item per indicator (never one per reading): the latest value, the holds of
 * the sustained and predicted rules, the recent window the trend is fitted over, and whether the
 * sensor was flagged stale. Raw readings go to the archive, not here.
 */
export interface IndicatorState {
  tenantId: string;
  riskSourceId: string;
  indicatorId: string;
  lastValue: number | null;
  lastAt: string | null;
  sustained: Hold;
  predicted: Hold;
  /** Recent readings, oldest first, within the rule set's trend window (bounded). */
  window: Point[];
  stale: boolean;
  /** Optimistic-lock counter of the item. */
  version: number;
}

export function initialState(indicator: Indicator): IndicatorState {
  return {
    tenantId: indicator.tenantId,
    riskSourceId: indicator.riskSourceId,
    indicatorId: indicator.id,
    lastValue: null,
    lastAt: null,
    sustained: EMPTY_HOLD,
    predicted: EMPTY_HOLD,
    window: [],
    stale: false,
    version: 0,
  };
}

export interface Reading {
  indicatorId: string;
  /** ISO timestamp the value was measured at. */
  at: string;
  value: number;
}

/**
 * What happened to one reading: `applied` moved the state on; `late` is older than the latest
 * reading and outside the window (archived, not evaluated); `duplicate` was seen already (the
 * same indicator and timestamp: idempotent, neither archived again nor evaluated).
 */
export type ReadingFate = "applied" | "late" | "duplicate";

/** The level the trend predicts within the horizon, with when it is reached; none when calm. */
export function predictLevel(
  indicator: Indicator,
  window: readonly Point[],
  rules: WarningRuleSet,
): { level: Level; threshold: number; at: number } | undefined {
  if (window.length < rules.predicted.minPoints) return undefined;
  const line = fitLine(window);
  const newest = window[window.length - 1];
  if (!line || !newest) return undefined;
  const current = levelOfValue(indicator, newest[1]);
  const horizonMs = rules.predicted.horizonSeconds * 1000;
  for (const level of LEVELS) {
    const threshold = indicator.thresholds[level];
    if (threshold === undefined) continue;
    if (current !== undefined && levelRank(current) >= levelRank(level)) return undefined;
    const ms = timeToReach(line, threshold);
    if (ms !== undefined && ms <= horizonMs) return { level, threshold, at: newest[0] + ms };
  }
  return undefined;
}

function withinWindow(window: readonly Point[], point: Point, rules: WarningRuleSet): Point[] {
  const from = point[0] - rules.predicted.windowSeconds * 1000;
  const kept = [...window, point].filter(([t]) => t >= from);
  return kept.slice(-rules.predicted.maxPoints);
}

/**
 * Applies one reading to an indicator's state and says which warnings it raises or clears:
 * the sustained breach (held for the sustain period, cleared after the recovery hold), the
 * predicted breach (the trend crosses a threshold within the horizon) and, as any reading
 * arrives, the end of a stale spell. Readings must be applied in time order; older ones are
 * reported `late` and leave the state alone.
 */
export function applyReading(
  indicator: Indicator,
  state: IndicatorState,
  reading: Reading,
  rules: WarningRuleSet,
): { state: IndicatorState; fate: ReadingFate; signals: WarningSignal[] } {
  const t = Date.parse(reading.at);
  if (state.lastAt !== null) {
    const last = Date.parse(state.lastAt);
    if (t === last || state.window.some(([w]) => w === t)) {
      return { state, fate: "duplicate", signals: [] };
    }
    if (t < last) return { state, fate: "late", signals: [] };
  }
  const at = new Date(t).toISOString();
  const signals: WarningSignal[] = [];
  const level = levelOfValue(indicator, reading.value);
  const base: SignalDetail = {
    indicatorId: indicator.id,
    value: reading.value,
    unit: indicator.unit,
  };

  const sustained = advanceHold(
    state.sustained,
    level,
    at,
    indicator.sustainSeconds * 1000,
    indicator.recoverySeconds * 1000,
  );
  if (sustained.change?.kind === "raise") {
    const threshold = indicator.thresholds[sustained.change.level];
    signals.push({
      rule: "threshold-sustained",
      kind: "raise",
      level: sustained.change.level,
      at,
      detail: { ...base, ...(threshold === undefined ? {} : { threshold }) },
    });
  } else if (sustained.change?.kind === "clear") {
    signals.push({ rule: "threshold-sustained", kind: "clear", at, detail: base });
  }

  const window = withinWindow(state.window, [t, reading.value], rules);
  const prediction = predictLevel(indicator, window, rules);
  const predicted = advanceHold(
    state.predicted,
    prediction?.level,
    at,
    0,
    indicator.recoverySeconds * 1000,
  );
  if (predicted.change?.kind === "raise" && prediction) {
    signals.push({
      rule: "threshold-predicted",
      kind: "raise",
      level: predicted.change.level,
      at,
      detail: {
        ...base,
        threshold: prediction.threshold,
        predictedAt: new Date(prediction.at).toISOString(),
      },
    });
  } else if (predicted.change?.kind === "clear") {
    signals.push({ rule: "threshold-predicted", kind: "clear", at, detail: base });
  }

  if (state.stale) {
    signals.push({
      rule: "sensor-stale",
      kind: "clear",
      at,
      detail: { ...base, lastReadingAt: at },
    });
  }
  return {
    state: {
      ...state,
      lastValue: reading.value,
      lastAt: at,
      sustained: sustained.hold,
      predicted: predicted.hold,
      window,
      stale: false,
    },
    fate: "applied",
    signals,
  };
}

/**
 * Whether an indicator has gone quiet at `now`: no reading for its stale-data limit, counted
 * from the last reading or, before the first, from the indicator's creation. Raises once per
 * stale spell (the state remembers it); the next reading clears it.
 */
export function checkStale(
  indicator: Indicator,
  state: IndicatorState,
  now: Date,
  rules: WarningRuleSet,
): { state: IndicatorState; signal?: WarningSignal } {
  if (state.stale) return { state };
  const from = Date.parse(state.lastAt ?? indicator.createdAt);
  if (now.getTime() - from < indicator.staleAfterSeconds * 1000) return { state };
  return {
    state: { ...state, stale: true },
    signal: {
      rule: "sensor-stale",
      kind: "raise",
      level: rules.staleLevel,
      at: now.toISOString(),
      detail: { indicatorId: indicator.id, unit: indicator.unit, lastReadingAt: state.lastAt },
    },
  };
}

/** When the sensor counts as stale if nothing arrives: for the staleness index. */
export function staleAt(indicator: Indicator, state: IndicatorState): string {
  const from = Date.parse(state.lastAt ?? indicator.createdAt);
  return new Date(from + indicator.staleAfterSeconds * 1000).toISOString();
}
