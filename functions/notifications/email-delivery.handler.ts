import { functionStore } from "../platform/data/request-store.ts";
import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { deliverRecordWith } from "./delivery-record.ts";
import { emailDelivery } from "./manifest.ts";
import { productEmailPort } from "./ports.ts";

const deliver = deliverRecordWith(productEmailPort, functionStore);

export const handler = queueHandler(emailDelivery, async (record, context) => {
  await deliver(record, context);
});
