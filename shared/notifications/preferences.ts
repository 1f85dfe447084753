import * as z from "zod";
import { LEVELS, type Level } from "../methodology/levels.ts";

/** The channels a warning reaches an official by (in-app is the warnings inbox). */
export const CHANNELS = ["sms", "email", "inApp"] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** The channels a delivery function sends on (in-app needs no sending: the inbox lists it). */
export type SendingChannel = Exclude<Channel, "inApp">;

const LevelChannelsSchema = z.strictObject({
  sms: z.boolean(),
  email: z.boolean(),
  inApp: z.boolean(),
});
export type LevelChannels = z.infer<typeof LevelChannelsSchema>;

const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:mm");

/**
 * Quiet hours (免打扰) in Beijing time; they hold back blue and yellow warnings only, which are
 * then sent as one digest when the quiet hours end. `start` after `end` spans midnight.
 */
export const QuietHoursSchema = z.strictObject({
  enabled: z.boolean(),
  start: ClockSchema,
  end: ClockSchema,
});
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** The levels quiet hours may hold back: blue (low) and yellow (general). */
export const QUIET_LEVELS: readonly Level[] = ["general", "low"];

/**
 * What an official chooses (PUT body): channels per level and quiet hours. A red (major)
 * warning cannot be muted: every channel stays on for it, so a refusal names the field.
 */
export const NotificationPreferencesInputSchema = z
  .strictObject({
    channels: z.strictObject({
      major: LevelChannelsSchema,
      significant: LevelChannelsSchema,
      general: LevelChannelsSchema,
      low: LevelChannelsSchema,
    }),
    quietHours: QuietHoursSchema,
    /** Language of e-mail and text messages. */
    language: z.enum(["zh", "en"]),
  })
  .superRefine((input, ctx) => {
    for (const channel of CHANNELS) {
      if (!input.channels.major[channel]) {
        ctx.addIssue({
          code: "custom",
          path: ["channels", "major", channel],
          message: "红色（重大）预警不可屏蔽 / Red (major) warnings cannot be muted",
        });
      }
    }
  });
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesInputSchema>;

/** The stored preferences of one official, as the API answers them. */
export const NotificationPreferencesSchema = z.object({
  userId: z.string(),
  version: z.number().int().nonnegative(),
  channels: z.record(z.enum(LEVELS), LevelChannelsSchema),
  quietHours: QuietHoursSchema,
  language: z.enum(["zh", "en"]),
  /** The official's mobile for text messages, masked for roles that do not need phone numbers. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

const ALL_ON: LevelChannels = { sms: true, email: true, inApp: true };

/**
 * The defaults before an official chooses: red and orange by every channel, yellow and blue by
 * e-mail and in-app only (a text message at night for a blue warning helps nobody), quiet hours
 * 22:00–07:00 on.
 */
export const DEFAULT_PREFERENCES: NotificationPreferencesInput = Object.freeze({
  channels: {
    major: ALL_ON,
    significant: ALL_ON,
    general: { sms: false, email: true, inApp: true },
    low: { sms: false, email: true, inApp: true },
  },
  quietHours: { enabled: true, start: "22:00", end: "07:00" },
  language: "zh",
}) as NotificationPreferencesInput;
