import type { Level } from "../methodology/levels.ts";
import type { WarningRule } from "./rules.ts";

/** What the detail of a warning says about its cause (values, thresholds, a prediction). */
export interface SignalDetail {
  indicatorId?: string;
  value?: number;
  threshold?: number;
  unit?: string;
  /** Predicted time the threshold is crossed (预测预警). */
  predictedAt?: string;
  /** The review date that passed (复评逾期). */
  dueAt?: string;
  /** The hidden danger that is overdue (隐患逾期). */
  hiddenDangerId?: string;
  /** The last reading before a sensor went quiet. */
  lastReadingAt?: string | null;
}

/** A rule's verdict for one source: raise (or re-fire) a warning at a level, or clear it. */
export type WarningSignal =
  | { rule: WarningRule; kind: "raise"; level: Level; at: string; detail: SignalDetail }
  | { rule: WarningRule; kind: "clear"; at: string; detail: SignalDetail };
