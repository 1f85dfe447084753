import { postWebhook } from "../adapters/webhooks/send.ts";
import { config } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import type { FanOutDeps } from "./fan-out.ts";

/** The delivery functions' surroundings: the table, the real clock, HTTP, the SSRF setting. */
export function attemptDeps(): FanOutDeps {
  return {
    store: functionStore(),
    send: postWebhook,
    allowPrivate: config().webhookPrivateTargets,
    now: () => new Date(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
