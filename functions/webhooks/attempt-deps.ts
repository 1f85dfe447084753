import { webhookSender } from "../adapters/webhooks/send.ts";
import { config } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import type { FanOutDeps } from "./fan-out.ts";

/** The delivery functions' surroundings: the table, the real clock, HTTP, the SSRF setting. */
export function attemptDeps(): FanOutDeps {
  const allowPrivate = config().webhookPrivateTargets;
  return {
    store: functionStore(),
    send: webhookSender({ allowPrivate }),
    allowPrivate,
    now: () => new Date(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
