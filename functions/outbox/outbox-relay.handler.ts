import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { functionStore } from "../platform/data/request-store.ts";
import { deliverMessage } from "../platform/outbox/deliver.ts";
import { logger } from "../platform/powertools.ts";

/**
 * The stream's outbox records (filtered by the manifest) delivered one by one. A record fails the
 * batch only when the table itself could not be reached; a channel's failure is the message's
 * own state, retried by the sweep.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const store = functionStore();
  const now = new Date();
  const batchItemFailures: DynamoDBBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    const tenantId = image?.tenantId?.S;
    const id = image?.id?.S;
    if (!tenantId || !id) continue;
    try {
      await deliverMessage(store, { tenantId, id }, now);
    } catch (error) {
      logger.error("outbox record not delivered", {
        tenantId,
        outboxId: id,
        error: error as Error,
      });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? "" });
    }
  }
  return { batchItemFailures };
}
