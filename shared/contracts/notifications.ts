import {
  NotificationPreferencesInputSchema,
  NotificationPreferencesSchema,
} from "../notifications/preferences.ts";
import { api, type Contract, type HttpRoute, problem } from "./route.ts";

/** Officials choose how warnings reach them; enterprises' people get the defaults. */
const OFFICIALS = ["streetOfficial", "districtOfficial", "industryOfficial", "cityAdmin"] as const;
const tags = ["notifications"] as const;

const getPreferences = {
  method: "GET",
  path: api("/me/notification-preferences"),
  access: { roles: OFFICIALS },
  summary: "My notification preferences: channels per warning level, quiet hours (通知偏好)",
  tags,
  responses: {
    200: {
      description: "Preferences (defaults until set, version 0)",
      schema: NotificationPreferencesSchema,
    },
  },
} as const satisfies HttpRoute;

const setPreferences = {
  method: "PUT",
  path: api("/me/notification-preferences"),
  access: { roles: OFFICIALS },
  summary: "Set my notification preferences; red (major) warnings cannot be muted",
  tags,
  request: { body: NotificationPreferencesInputSchema, headers: ["If-Match"] },
  responses: {
    200: { description: "The preferences set", schema: NotificationPreferencesSchema },
    400: problem("Invalid preferences (e.g. a channel of red warnings turned off)"),
    412: problem("Changed since read"),
    428: problem("If-Match missing"),
  },
} as const satisfies HttpRoute;

/** Notifications (预警通知): an official's own preferences. */
export const notificationsContract = {
  getPreferences,
  setPreferences,
} as const satisfies Contract;
