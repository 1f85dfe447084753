import { notificationsContract } from "../../../shared/contracts/notifications.ts";
import type { NotificationPreferencesInput } from "../../../shared/notifications/preferences.ts";
import { callRoute, sendRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export const notificationKeys = {
  preferences: () => ["notifications", "preferences"] as const,
  localSms: () => ["notifications", "local-sms"] as const,
};

export function getPreferences(client: HttpClient, signal?: AbortSignal) {
  return callRoute(client, notificationsContract.getPreferences, signal ? { signal } : {});
}

/** Saves at the version read (If-Match), so a change made elsewhere meanwhile is not lost. */
export async function savePreferences(
  client: HttpClient,
  body: NotificationPreferencesInput,
  version: number,
) {
  return (
    await sendRoute(client, notificationsContract.setPreferences, {
      body,
      headers: { "if-match": `"${version}"` },
    })
  ).body;
}

/** One text of the local SMS outbox (`GET /local/sms`, local stack only; numbers masked). */
export interface LocalSms {
  id: string;
  to: string;
  text: string;
  reference: string;
  sentAt: string;
}

export function listLocalSms(client: HttpClient, signal?: AbortSignal) {
  return client.request<LocalSms[]>("/local/sms", signal ? { signal } : {});
}
