import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { attemptDeps } from "./attempt-deps.ts";
import { eventOf, fanOut } from "./fan-out.ts";
import { webhookDelivery } from "./manifest.ts";

/**
 * The `webhooks` queue's consumer. A record fails (and returns to the queue) only when the table
 * could not be written; a receiver's failure is the delivery's own business, retried on its
 * schedule by `webhook-retries`.
 */
export const handler = queueHandler(webhookDelivery, async (record) => {
  const event = eventOf(record.body);
  tagTenant(event.subject.tenantId);
  await fanOut(attemptDeps(), event);
});
