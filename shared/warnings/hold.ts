import { LEVELS, type Level, levelRank } from "../methodology/levels.ts";
import { levelsUpTo } from "./indicator.ts";

/**
 * Hysteresis of one rule on one indicator: a level is raised only after the signal has stayed
 * at or beyond it for the sustain period, and cleared only after it has stayed away for the
 * recovery hold. `since` holds, per level, when the signal last reached it without a break.
 */
export interface Hold {
  since: Partial<Record<Level, string>>;
  raised: Level | null;
  quietSince: string | null;
}

export const EMPTY_HOLD: Hold = Object.freeze({
  since: {},
  raised: null,
  quietSince: null,
}) as Hold;

export type HoldChange = { kind: "raise"; level: Level } | { kind: "clear" } | undefined;

/**
 * The hold after a signal `level` (undefined: inside the normal range) at `at`. Raises when a
 * level more severe than the raised one has been held for `sustainMs` (a re-fire at a higher
 * level); clears after `recoveryMs` of quiet.
 */
export function advanceHold(
  hold: Hold,
  level: Level | undefined,
  at: string,
  sustainMs: number,
  recoveryMs: number,
): { hold: Hold; change: HoldChange } {
  const now = Date.parse(at);
  if (level === undefined) {
    const quietSince = hold.quietSince ?? at;
    if (hold.raised !== null && now - Date.parse(quietSince) >= recoveryMs) {
      return { hold: { since: {}, raised: null, quietSince }, change: { kind: "clear" } };
    }
    return { hold: { since: {}, raised: hold.raised, quietSince }, change: undefined };
  }
  const since: Partial<Record<Level, string>> = {};
  for (const l of levelsUpTo(level)) since[l] = hold.since[l] ?? at;
  const held = LEVELS.find((l) => {
    const from = since[l];
    return from !== undefined && now - Date.parse(from) >= sustainMs;
  });
  const next: Hold = { since, raised: hold.raised, quietSince: null };
  if (held !== undefined && (hold.raised === null || levelRank(held) > levelRank(hold.raised))) {
    return { hold: { ...next, raised: held }, change: { kind: "raise", level: held } };
  }
  return { hold: next, change: undefined };
}
