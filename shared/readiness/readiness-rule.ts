import type { Level } from "../methodology/levels.ts";
import type { WarningSignal } from "../warnings/signals.ts";

/** Beijing's calendar date of an instant (UTC+8, no daylight saving). */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last date a drill must have been held on or after to count as within 12 months. */
export function drillCutoff(now: Date): string {
  const today = new Date(`${beijingDate(now)}T00:00:00.000Z`);
  today.setUTCFullYear(today.getUTCFullYear() - 1);
  return today.toISOString().slice(0, 10);
}

export interface ReadinessFacts {
  currentLevel: Level | null;
  hasPlan: boolean;
  /** Date of the latest drill, `YYYY-MM-DD`, or null if none was ever recorded. */
  lastDrillOn: string | null;
}

/**
 * A major source must have its one-to-one plan and a drill at least yearly (domain.md §5):
 * `plan-missing` and `drill-overdue` raise while that is not so, and clear once it is (or the
 * source is no longer major). Both at the source's level.
 */
export function readinessSignals(facts: ReadinessFacts, now: Date): WarningSignal[] {
  const at = now.toISOString();
  const major = facts.currentLevel === "major";
  const signals: WarningSignal[] = [];
  signals.push(
    major && !facts.hasPlan
      ? { rule: "plan-missing", kind: "raise", level: "major", at, detail: {} }
      : { rule: "plan-missing", kind: "clear", at, detail: {} },
  );
  const cutoff = drillCutoff(now);
  const overdue = major && (facts.lastDrillOn === null || facts.lastDrillOn < cutoff);
  if (overdue) {
    const detail = facts.lastDrillOn
      ? { dueAt: `${nextYear(facts.lastDrillOn)}T00:00:00.000+08:00` }
      : {};
    signals.push({
      rule: "drill-overdue",
      kind: "raise",
      level: "major",
      at,
      detail: normalise(detail),
    });
  } else {
    signals.push({ rule: "drill-overdue", kind: "clear", at, detail: {} });
  }
  return signals;
}

function nextYear(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Detail timestamps are stored as UTC ISO strings (the warning schema's datetime). */
function normalise(detail: { dueAt?: string }): { dueAt?: string } {
  return detail.dueAt ? { dueAt: new Date(detail.dueAt).toISOString() } : {};
}
