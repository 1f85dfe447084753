import { functionStore } from "../platform/data/request-store.ts";
import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { deliverRecordWith } from "./delivery-record.ts";
import { smsDelivery } from "./manifest.ts";
import { productSmsPort } from "./ports.ts";

const deliver = deliverRecordWith(productSmsPort, functionStore);

export const handler = queueHandler(smsDelivery, async (record, context) => {
  await deliver(record, context);
});
