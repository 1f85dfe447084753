import type { notificationsZhCN } from "./notifications-zh-cn.ts";
import type { Texts } from "./texts.ts";

/** Notification preferences and the local SMS outbox, English. */
export const notificationsEn: Texts<typeof notificationsZhCN> = {
  title: "Notification preferences",
  hint: "Choose how warnings of each level reach you. Red (major) warnings cannot be muted; quiet hours hold back blue and yellow only, sent as one digest when they end.",
  level: "Level",
  sms: "SMS",
  email: "E-mail",
  inApp: "In-app",
  quietHours: "Quiet hours (Beijing time)",
  start: "From",
  end: "Until",
  language: "Language",
  phone: "Mobile",
  mailbox: "E-mail",
  save: "Save",
  saved: "Saved",
  redLocked: "Red warnings cannot be muted",
  smsTitle: "Local SMS outbox",
  smsHint: "Local development only: what the local SMS channel 'sent' (numbers masked).",
  to: "To",
  text: "Text",
  sentAt: "Sent",
  empty: "No messages",
};
