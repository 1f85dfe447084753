import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context, DynamoDBRecord, SQSRecord } from "aws-lambda";
import type { FunctionDefinition } from "../manifest-types.ts";
import { logger, metrics } from "../powertools.ts";
import { instrumented, untagTenant } from "./instrumentation.ts";

/** `SQSBatchResponse` and `DynamoDBBatchResponse` alike: the failed records' identifiers. */
export interface PartialBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * Work a record leaves running when its turn ends (a retry due seconds later): the invocation
 * waits for it before returning, since a returned Lambda is frozen, but the next record does not.
 * It must settle without throwing: its record was already reported.
 */
export type FollowUp = (work: Promise<void>) => void;

/** Handles one record (with the invocation's context); throwing reports that record alone as failed. */
export type RecordHandler<R> = (record: R, context: Context, followUp: FollowUp) => Promise<void>;

interface BatchKind<R> {
  eventType: keyof typeof EventType;
  /** The identifier Lambda expects back in `batchItemFailures`. */
  identify: (record: R) => string;
}

/**
 * Partial batch responses through Powertools' BatchProcessor. Records run one after the other:
 * a stream's order per item holds, and queue work (imports) keeps one job at a time. A processor
 * per invocation, since it holds the batch's state and the local stack runs invocations of one
 * handler concurrently. A batch whose every record failed is reported, not thrown: Lambda and
 * the local runners read both alike, and the failures are already logged and counted.
 */
function batchHandler<R extends SQSRecord | DynamoDBRecord>(
  definition: FunctionDefinition,
  kind: BatchKind<R>,
  handle: RecordHandler<R>,
) {
  const eachRecordOf =
    (context: Context, followUp: FollowUp) =>
    async (record: R): Promise<void> => {
      untagTenant();
      try {
        await handle(record, context, followUp);
      } catch (error) {
        logger.error("record failed", {
          itemIdentifier: kind.identify(record),
          error: error as Error,
        });
        throw error;
      }
    };
  return instrumented<{ Records: R[] }, PartialBatchResponse>(definition).handler(
    async (event, context) => {
      const followUps: Promise<void>[] = [];
      const eachRecord = eachRecordOf(context, (work) => followUps.push(work));
      const response = await processPartialResponse(
        event,
        eachRecord,
        new BatchProcessor(kind.eventType),
        { context, processInParallel: false, throwOnFullBatchFailure: false },
      );
      await Promise.all(followUps);
      const failed = response.batchItemFailures.length;
      if (failed > 0) metrics.addMetric("BatchRecordsFailed", MetricUnit.Count, failed);
      return response;
    },
  );
}

/** An SQS consumer: failed messages go back to the queue (then its DLQ), the rest are deleted. */
export function queueHandler(definition: FunctionDefinition, handle: RecordHandler<SQSRecord>) {
  return batchHandler<SQSRecord>(
    definition,
    { eventType: EventType.SQS, identify: (record) => record.messageId },
    handle,
  );
}

/** A DynamoDB stream consumer: the shard resumes from the first failed record's sequence number. */
export function streamHandler(
  definition: FunctionDefinition,
  handle: RecordHandler<DynamoDBRecord>,
) {
  return batchHandler<DynamoDBRecord>(
    definition,
    {
      eventType: EventType.DynamoDBStreams,
      identify: (record) => record.dynamodb?.SequenceNumber ?? "",
    },
    handle,
  );
}

/**
 * A DynamoDB stream consumer that handles a whole batch at once (a fold that reads and writes
 * for many records together). A failure reports the batch's first record, so the shard resumes
 * from there and the whole batch comes again: the handler must be safe to repeat.
 */
export function streamBatchHandler(
  definition: FunctionDefinition,
  handle: (records: readonly DynamoDBRecord[], context: Context) => Promise<void>,
) {
  return instrumented<{ Records: DynamoDBRecord[] }, PartialBatchResponse>(definition).handler(
    async (event, context) => {
      untagTenant();
      try {
        await handle(event.Records, context);
        return { batchItemFailures: [] };
      } catch (error) {
        const first = event.Records[0]?.dynamodb?.SequenceNumber ?? "";
        logger.error("batch failed", { itemIdentifier: first, error: error as Error });
        metrics.addMetric("BatchRecordsFailed", MetricUnit.Count, event.Records.length);
        return { batchItemFailures: [{ itemIdentifier: first }] };
      }
    },
  );
}
