import type { Level } from "../methodology/levels.ts";
import type { NotificationPreferencesInput, SendingChannel } from "./preferences.ts";
import { quietUntil } from "./quiet-hours.ts";

/**
 * Messages per recipient and channel in one window before the rest folds into a digest: a
 * sensor storm must not page an official forty times an hour. Per channel, since a text costs
 * money and attention that an e-mail does not. Red is counted here but never refused
 * (`sendLimits`): an hour's wait would mute it as surely as a preference.
 */
export const RATE_LIMITS: Readonly<
  Record<SendingChannel, { limit: number; windowMinutes: number }>
> = {
  sms: { limit: 5, windowMinutes: 60 },
  email: { limit: 20, windowMinutes: 60 },
};

/** What to do with one event for one recipient on one channel. */
export type DeliveryDecision =
  | { kind: "send" }
  /** The recipient turned this channel off for this level. */
  | { kind: "muted" }
  /** Quiet hours: folded into the digest sent when they end. */
  | { kind: "hold"; until: Date };

/**
 * The recipient's preferences applied to one level and channel (issue 11 §6): red is never
 * muted nor held (the preferences schema refuses turning it off, and this keeps a stored
 * oddity from silencing it); quiet hours hold only blue and yellow.
 */
export function decideDelivery(
  preferences: NotificationPreferencesInput,
  level: Level,
  channel: SendingChannel,
  now: Date,
): DeliveryDecision {
  if (level !== "major" && !preferences.channels[level][channel]) return { kind: "muted" };
  const until = quietUntil(preferences.quietHours, level, now);
  return until ? { kind: "hold", until } : { kind: "send" };
}

/** The rate window a moment falls in: its start (epoch minutes) and when it ends. */
export function rateWindow(channel: SendingChannel, now: Date): { start: number; endsAt: Date } {
  const minutes = RATE_LIMITS[channel].windowMinutes;
  const start = Math.floor(now.getTime() / 60_000 / minutes) * minutes;
  return { start, endsAt: new Date((start + minutes) * 60_000) };
}

/**
 * Text messages one number receives per Beijing day before the rest waits for the next day's
 * digest: mainland providers cap notifications per number and day (Aliyun refuses past its cap
 * with `isv.BUSINESS_LIMIT_CONTROL`), and a refused send must not be retried into the DLQ.
 */
export const SMS_DAILY_CAP_PER_NUMBER = 10;

/**
 * Of the per-number daily cap, the texts only red may use: the cap is the provider's and binds
 * red too, so without a reserve a yellow storm in the morning would leave no text for a red
 * warning in the afternoon. Three leaves one red warning its raise, an escalation and its
 * resolution on a number the other levels have used up, and still seven for them.
 */
export const SMS_RED_RESERVE = 3;

/**
 * The limits one send is checked against; `undefined` where nothing refuses it. `window` is per
 * recipient and channel in the rate window; `numberDay` per number and Beijing day (texts only).
 */
export interface SendLimits {
  window: number | undefined;
  numberDay: number | undefined;
}

/**
 * Red is never refused by the hourly limit (it still counts, so the warnings after it fold
 * sooner). The daily per-number cap is the provider's hard limit, so it binds red as well, but
 * the other levels stop `SMS_RED_RESERVE` short of it; a red text past the whole cap folds into
 * the digest due at Beijing midnight, while its e-mail goes at once and escalation goes on.
 */
export function sendLimits(channel: SendingChannel, level: Level): SendLimits {
  const red = level === "major";
  const numberDay =
    channel !== "sms"
      ? undefined
      : red
        ? SMS_DAILY_CAP_PER_NUMBER
        : SMS_DAILY_CAP_PER_NUMBER - SMS_RED_RESERVE;
  return { window: red ? undefined : RATE_LIMITS[channel].limit, numberDay };
}

/** The Beijing day a moment falls in (epoch days, UTC+8) and when it ends. */
export function beijingDay(now: Date): { day: number; endsAt: Date } {
  const offset = 8 * 3600 * 1000;
  const dayMs = 24 * 3600 * 1000;
  const day = Math.floor((now.getTime() + offset) / dayMs);
  return { day, endsAt: new Date((day + 1) * dayMs - offset) };
}
