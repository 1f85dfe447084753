import * as z from "zod";
import { LEVELS } from "../methodology/levels.ts";
import { type Counts, sumCounts } from "./contribution.ts";
import { ENTERPRISE_STAGES, isEnterpriseStage } from "./enterprise-coverage.ts";
import { EnterpriseCoverageRowSchema, LevelCountsSchema } from "./schemas.ts";

const Count = z.number().int().nonnegative();
const Day = z.iso.date();

/**
 * One day of a scope's statistics (趋势): sources by level, registered and assessed, and its
 * enterprises by coverage stage — whether the laggards are catching up (推进平衡性 over time).
 */
export const TrendPointSchema = z.strictObject({
  date: Day,
  byLevel: LevelCountsSchema,
  registered: Count,
  assessed: Count,
  enterprises: EnterpriseCoverageRowSchema,
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

/** The longest range a trend query answers: a year of daily points (one page, no cursor). */
export const MAX_TREND_DAYS = 366;

/** `GET /stats/trends?from&to`: days in Beijing time, both ends included; default the last 30. */
export const TrendQuerySchema = z
  .strictObject({ from: Day.optional(), to: Day.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "from 晚于 to / from is after to",
    path: ["from"],
  })
  .refine(
    (q) => q.from === undefined || q.to === undefined || daysBetween(q.from, q.to) < MAX_TREND_DAYS,
    { message: `最多 ${MAX_TREND_DAYS} 天 / at most ${MAX_TREND_DAYS} days`, path: ["to"] },
  );
export type TrendQuery = z.infer<typeof TrendQuerySchema>;

/**
 * One point per day of the range, each the scope's counts at the end of that day (today's: as
 * folded so far). Snapshots are folded with the counters, so no day is missing.
 */
export const TrendsSchema = z.strictObject({
  from: Day,
  to: Day,
  points: z.array(TrendPointSchema),
  asOf: z.iso.datetime(),
});
export type Trends = z.infer<typeof TrendsSchema>;

const DAY_MS = 86_400_000;
/** Beijing has kept UTC+8 without daylight saving since 1991. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in Beijing of an instant (statistics days are the city's days). */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The range a query asks for, filled in: 30 days by default, never past `today`. */
export function trendRange(query: TrendQuery, today: string): { from: string; to: string } {
  const to = minDay(query.to ?? (query.from ? addDays(query.from, 29) : today), today);
  const from = query.from ?? addDays(to, -29);
  return { from, to };
}

const minDay = (a: string, b: string) => (a < b ? a : b);

/**
 * A day's point out of a scope's summed counters: the `L:` cells count every source once, and the
 * `ED:<district>:<stage>` cells every enterprise once per stage reached, whatever its district.
 */
export function trendPointOf(date: string, counts: Counts): TrendPoint {
  const byLevel = { major: 0, significant: 0, general: 0, low: 0 };
  for (const level of LEVELS) byLevel[level] = counts[`L:${level}`] ?? 0;
  const assessed = LEVELS.reduce((n, level) => n + byLevel[level], 0);
  const enterprises = Object.fromEntries(
    ENTERPRISE_STAGES.map((s) => [s, 0]),
  ) as TrendPoint["enterprises"];
  for (const [name, n] of Object.entries(counts)) {
    if (!name.startsWith("ED:")) continue;
    const stage = name.slice(name.lastIndexOf(":") + 1);
    if (isEnterpriseStage(stage)) enterprises[stage] += n;
  }
  return { date, byLevel, registered: assessed + (counts["L:none"] ?? 0), assessed, enterprises };
}

/**
 * The cells a snapshot keeps, enough for every trend point: sources by level and enterprises by
 * district and stage. A fold that moves one of them writes the day's snapshot.
 */
export const isSnapshotCell = (name: string) => name.startsWith("L:") || name.startsWith("ED:");

export function snapshotCounts(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([name]) => isSnapshotCell(name)));
}

/** The snapshots of one shard of a slice: the last one before the range, then those in it. */
export interface ShardHistory {
  before: Counts | undefined;
  /** Ascending by date, within the range. */
  days: readonly { date: string; counts: Counts }[];
}

/**
 * One point per day from `from` to `to`: each shard counts as its latest snapshot on or before
 * the day (a shard writes one only on days it changed), summed over the scope's shards.
 */
export function trendPoints(
  histories: readonly ShardHistory[],
  from: string,
  to: string,
): TrendPoint[] {
  const cursors = histories.map((h) => ({ history: h, current: h.before ?? {}, next: 0 }));
  const points: TrendPoint[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const counts: Counts[] = [];
    for (const c of cursors) {
      let snapshot = c.history.days[c.next];
      while (snapshot && snapshot.date <= day) {
        c.current = snapshot.counts;
        c.next += 1;
        snapshot = c.history.days[c.next];
      }
      counts.push(c.current);
    }
    points.push(trendPointOf(day, sumCounts(counts)));
  }
  return points;
}
