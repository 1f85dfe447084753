import { notificationsContract } from "../../shared/contracts/notifications.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** An official's notification preferences. */
export const notificationsApi: FunctionDefinition = {
  id: "notifications-api",
  description: "Officials' notification preferences: channels per warning level, quiet hours",
  handler: "functions/notifications/notifications-api.handler.ts",
  routes: notificationsContract,
  table: "readWrite",
};

/**
 * One delivery function per channel (issue 11 §5), each consuming its queue of the `events`
 * topic. The webhook channel is the `webhooks` queue's own consumer (functions/webhooks/).
 * Timeouts stay under the queues' 60 s visibility.
 */
export const smsDelivery: FunctionDefinition = {
  id: "sms-delivery",
  description: "Texts warning events to the officials responsible (provider chosen by setting)",
  handler: "functions/notifications/sms-delivery.handler.ts",
  queues: ["sms"],
  table: "readWrite",
  sendsSms: true,
  timeoutSeconds: 40,
};

export const emailDelivery: FunctionDefinition = {
  id: "email-delivery",
  description: "E-mails warning events to the officials responsible (SES; SMTP capture locally)",
  handler: "functions/notifications/email-delivery.handler.ts",
  queues: ["email"],
  table: "readWrite",
  sendsMail: true,
  timeoutSeconds: 40,
};

/** Every five minutes: digests of what rate limits and quiet hours held back. */
export const notificationDigests: FunctionDefinition = {
  id: "notification-digests",
  description: "Sends the digests of warnings folded by rate limits and quiet hours",
  handler: "functions/notifications/notification-digests.handler.ts",
  schedules: ["notification-digests"],
  table: "readWrite",
  sendsMail: true,
  sendsSms: true,
  timeoutSeconds: 120,
};
