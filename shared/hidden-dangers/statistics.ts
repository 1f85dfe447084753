import * as z from "zod";
import {
  HIDDEN_DANGER_STATUSES,
  type HiddenDanger,
  type HiddenDangerStatus,
} from "./hidden-danger.ts";
import { rectifiedOnTime } from "./lifecycle.ts";

/** A reporting period: a quarter `2026-Q4` or a year `2026`. */
export const StatsPeriodSchema = z.string().regex(/^\d{4}(-Q[1-4])?$/, {
  message: "期间格式为 2026 或 2026-Q4 / period is 2026 or 2026-Q4",
});

export interface PeriodBounds {
  kind: "quarter" | "year";
  /** First instant of the period, Beijing time (UTC+8). */
  start: Date;
  /** First instant after it. */
  end: Date;
  /** When its statistics must be reported (domain.md §7). */
  reportDueAt: Date;
}

const beijing = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day) - 8 * 3_600_000);

/**
 * A period's bounds and its reporting deadline: a quarter's statistics are due by the 15th of
 * the next quarter, a year's by 31 January (安监总局令第16号, domain.md §7).
 */
export function periodBounds(period: string): PeriodBounds {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) {
    return {
      kind: "year",
      start: beijing(year, 1, 1),
      end: beijing(year + 1, 1, 1),
      reportDueAt: new Date(beijing(year + 1, 2, 1).getTime() - 1),
    };
  }
  const quarter = Number(period.slice(6));
  const firstMonth = (quarter - 1) * 3 + 1;
  const end = quarter === 4 ? beijing(year + 1, 1, 1) : beijing(year, firstMonth + 3, 1);
  const next = new Date(end.getTime() + 8 * 3_600_000);
  return {
    kind: "quarter",
    start: beijing(year, firstMonth, 1),
    end,
    reportDueAt: new Date(beijing(next.getUTCFullYear(), next.getUTCMonth() + 1, 16).getTime() - 1),
  };
}

/** The period a date falls in, Beijing time: `2026-Q4`. */
export function quarterOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** The quarter before the one `period` (a quarter) names: `2027-Q1` → `2026-Q4`. */
function previousQuarter(period: string): string {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6));
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/**
 * The periods whose statistics are to be reported at `at` (the quarterly reminder, domain.md §7):
 * the quarter just ended while its deadline (the 15th) has not passed, and in January the year
 * just ended too (due by 31 January). Empty between deadlines.
 */
export function periodsToReport(at: Date): string[] {
  const lastQuarter = previousQuarter(quarterOf(at));
  const lastYear = String(Number(lastQuarter.slice(0, 4)));
  const candidates = lastQuarter.endsWith("-Q4") ? [lastQuarter, lastYear] : [lastQuarter];
  return candidates.filter((p) => at.getTime() <= periodBounds(p).reportDueAt.getTime());
}

export const HiddenDangerStatsSchema = z.object({
  period: z.string(),
  kind: z.enum(["quarter", "year"]),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  reportDueAt: z.iso.datetime(),
  total: z.number().int().nonnegative(),
  byLevel: z.object({ general: z.number().int(), major: z.number().int() }),
  byStatus: z.record(z.enum(HIDDEN_DANGER_STATUSES), z.number().int()),
  /** Rectified (whatever stands now after rectification) and of those, by the plan's deadline. */
  rectified: z.number().int().nonnegative(),
  rectifiedOnTime: z.number().int().nonnegative(),
  /** Major dangers still open: listed for supervision (挂牌督办). */
  supervised: z.number().int().nonnegative(),
});
export type HiddenDangerStats = z.infer<typeof HiddenDangerStatsSchema>;

const AFTER_RECTIFICATION: ReadonlySet<HiddenDangerStatus> = new Set([
  "rectified",
  "evaluated",
  "accepted",
  "closed",
]);

/** Statistics of the dangers reported in a period (隐患排查治理统计). */
export function foldDangerStats(
  period: string,
  dangers: readonly HiddenDanger[],
): HiddenDangerStats {
  const bounds = periodBounds(period);
  const byStatus = Object.fromEntries(HIDDEN_DANGER_STATUSES.map((s) => [s, 0])) as Record<
    HiddenDangerStatus,
    number
  >;
  const stats: HiddenDangerStats = {
    period,
    kind: bounds.kind,
    start: bounds.start.toISOString(),
    end: bounds.end.toISOString(),
    reportDueAt: bounds.reportDueAt.toISOString(),
    total: 0,
    byLevel: { general: 0, major: 0 },
    byStatus,
    rectified: 0,
    rectifiedOnTime: 0,
    supervised: 0,
  };
  for (const d of dangers) {
    const at = Date.parse(d.createdAt);
    if (at < bounds.start.getTime() || at >= bounds.end.getTime()) continue;
    stats.total += 1;
    stats.byLevel[d.level] += 1;
    byStatus[d.status] += 1;
    if (AFTER_RECTIFICATION.has(d.status)) stats.rectified += 1;
    if (AFTER_RECTIFICATION.has(d.status) && rectifiedOnTime(d)) stats.rectifiedOnTime += 1;
    if (d.supervised) stats.supervised += 1;
  }
  return stats;
}
