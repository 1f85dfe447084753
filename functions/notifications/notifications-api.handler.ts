import { notificationsContract } from "../../shared/contracts/notifications.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { notificationsApi } from "./manifest.ts";
import { readPreferences, savePreferences } from "./preferences.ts";

function tagged<T extends { version: number }>(body: T) {
  return { body, headers: { etag: etagOf(body.version) } };
}

export const handler = httpHandler(
  notificationsApi,
  implement(notificationsContract, {
    getPreferences: async ({ caller }) => tagged(await readPreferences(functionStore(), caller)),
    setPreferences: async ({ caller, body, headers }) =>
      tagged(await savePreferences(functionStore(), caller, body, expectedVersion(headers))),
  }),
);
