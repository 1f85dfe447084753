import type { Level } from "../methodology/levels.ts";
import { QUIET_LEVELS, type QuietHours } from "./preferences.ts";

/** Beijing time (Asia/Shanghai) is UTC+8 all year: China keeps no daylight saving since 1991. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

function minutesOf(clock: string): number {
  const [h = "0", m = "0"] = clock.split(":");
  return Number(h) * 60 + Number(m);
}

/** Minutes since Beijing midnight. */
function beijingMinutes(now: Date): number {
  return Math.floor(((now.getTime() + BEIJING_OFFSET_MS) % DAY_MS) / 60_000);
}

/**
 * When the quiet hours holding a warning back end, or undefined when the warning goes now:
 * only blue and yellow are held, only while the (enabled) quiet hours last.
 */
export function quietUntil(quiet: QuietHours, level: Level, now: Date): Date | undefined {
  if (!quiet.enabled || !QUIET_LEVELS.includes(level)) return undefined;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return undefined;
  const at = beijingMinutes(now);
  const inside = start < end ? at >= start && at < end : at >= start || at < end;
  if (!inside) return undefined;
  const wait = (end - at + 24 * 60) % (24 * 60);
  const minuteStart = now.getTime() - (now.getTime() % 60_000);
  return new Date(minuteStart + wait * 60_000);
}
