import { functionStore } from "../platform/data/request-store.ts";
import { streamHandler } from "../platform/handlers/batch-handlers.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { deliverMessage } from "../platform/outbox/deliver.ts";
import { outboxRelay } from "./manifest.ts";

/**
 * The stream's outbox records (filtered by the manifest) delivered one by one. A record fails the
 * batch only when the table itself could not be reached; a channel's failure is the message's
 * own state, retried by the sweep.
 */
export const handler = streamHandler(outboxRelay, async (record) => {
  const image = record.dynamodb?.NewImage;
  const tenantId = image?.tenantId?.S;
  const id = image?.id?.S;
  if (!tenantId || !id) return;
  tagTenant(tenantId);
  await deliverMessage(functionStore(), { tenantId, id }, new Date());
});
