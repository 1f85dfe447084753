import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { attemptDeps } from "./attempt-deps.ts";
import { eventOf, fanOut } from "./fan-out.ts";
import { webhookDelivery } from "./manifest.ts";

/**
 * The `webhooks` queue's consumer. A record fails (and returns to the queue) only when the table
 * could not be written; a receiver's failure is the delivery's own business, retried on its
 * schedule by `webhook-retries` (the 5 s one runs beside the batch's next records).
 */
export const handler = queueHandler(webhookDelivery, async (record, context, followUp) => {
  const event = eventOf(record.body);
  tagTenant(event.subject.tenantId);
  const { retries } = await fanOut(attemptDeps(), event, context);
  followUp(retries);
});
