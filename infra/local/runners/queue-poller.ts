import { setMaxListeners } from "node:events";
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { FunctionDefinition } from "../../../functions/platform/manifest-types.ts";
import { failedItemIdentifiers } from "./batch-response.ts";
import { describeError } from "./describe-error.ts";
import { createLambdaContext } from "./lambda-context.ts";
import {
  loadHandler as defaultLoadHandler,
  type InvokableHandler,
  type LoadHandler,
} from "./load-handler.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION, type RunnerLogger } from "./local-account.ts";
import { sleep } from "./sleep.ts";
import { toLambdaSqsRecord } from "./sqs-records.ts";

export interface QueuePollerOptions {
  sqsEndpoint: string;
  /** queue id → queue URL (from `ensureMessaging(...).queueUrls`). */
  queues: Readonly<Record<string, string>>;
  /** Functions without `queues` are ignored. */
  functions: readonly FunctionDefinition[];
  loadHandler?: LoadHandler;
  /**
   * Queue id → batches handled at once (the definition's `concurrentBatches`, Lambda's
   * concurrent pollers on AWS): that many poll loops. A queue not named gets
   * `LAMBDA_STARTING_BATCHES`.
   */
  concurrentBatches?: Readonly<Record<string, number>>;
  /**
   * Messages per invocation (SQS allows at most 10 per receive): queue id → the definition's
   * `batchSize`, else `batchSize`, else 10.
   */
  batchSizes?: Readonly<Record<string, number>>;
  batchSize?: number;
  /** Long-poll wait; stop() aborts a wait in progress. Default 20. */
  waitTimeSeconds?: number;
  region?: string;
  logger?: RunnerLogger;
}

/**
 * Lambda starts polling a standard queue with five concurrent batches and scales up from there
 * while messages wait; one machine stays at that start, so a queue without a declared
 * concurrency is never more serial here than on AWS.
 */
export const LAMBDA_STARTING_BATCHES = 5;

export interface QueuePoller {
  stop(): Promise<void>;
}

interface Consumer {
  definition: FunctionDefinition;
  handler: InvokableHandler;
  queueUrl: string;
  queueArn: string;
  concurrentBatches: number;
  batchSize: number;
}

/**
 * The local stand-in for Lambda's SQS event source mappings: long-polls each subscribed queue,
 * invokes the handler with an SQS batch, deletes what succeeded (all, or all but the reported
 * `batchItemFailures`) and leaves failures to reappear after the visibility timeout, so the
 * queue's redrive policy moves them to its DLQ after `maxReceiveCount` receives.
 */
export async function startQueuePoller(options: QueuePollerOptions): Promise<QueuePoller> {
  const region = options.region ?? LOCAL_REGION;
  const logger = options.logger ?? console;
  const sqs = new SQSClient({
    endpoint: options.sqsEndpoint,
    region,
    credentials: LOCAL_CREDENTIALS,
  });
  const controller = new AbortController();
  const { signal } = controller;
  const load = options.loadHandler ?? defaultLoadHandler;

  const consumers: Consumer[] = [];
  for (const definition of options.functions) {
    if (!definition.queues?.length) continue;
    const handler = await load(definition);
    for (const queueId of definition.queues) {
      const queueUrl = options.queues[queueId];
      if (!queueUrl) throw new Error(`function ${definition.id} consumes unknown queue ${queueId}`);
      const concurrentBatches = options.concurrentBatches?.[queueId] ?? LAMBDA_STARTING_BATCHES;
      consumers.push({
        definition,
        handler,
        queueUrl,
        queueArn: await queueArn(queueUrl),
        concurrentBatches,
        batchSize: Math.min(options.batchSizes?.[queueId] ?? options.batchSize ?? 10, 10),
      });
    }
  }
  // As many loops per queue as the batches it declares run at once (Lambda's pollers on AWS).
  // Every loop's long poll listens on the one abort signal.
  const loopCount = consumers.reduce((n, c) => n + c.concurrentBatches, 0);
  setMaxListeners(loopCount + 10, signal);
  const loops = consumers.flatMap((consumer) =>
    Array.from({ length: consumer.concurrentBatches }, () => poll(consumer)),
  );

  return {
    async stop() {
      controller.abort();
      await Promise.allSettled(loops);
      sqs.destroy();
    },
  };

  async function queueArn(queueUrl: string): Promise<string> {
    const result = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
    );
    const arn = result.Attributes?.QueueArn;
    if (!arn) throw new Error(`no ARN for queue ${queueUrl}`);
    return arn;
  }

  async function poll(consumer: Consumer): Promise<void> {
    while (!signal.aborted) {
      let messages: Message[];
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: consumer.queueUrl,
            MaxNumberOfMessages: consumer.batchSize,
            WaitTimeSeconds: options.waitTimeSeconds ?? 20,
            MessageSystemAttributeNames: ["All"],
            MessageAttributeNames: ["All"],
          }),
          { abortSignal: signal },
        );
        messages = received.Messages ?? [];
      } catch (error) {
        if (signal.aborted) return;
        logger.warn(
          `[queue] ${consumer.definition.id}: ReceiveMessage failed: ${describeError(error)}`,
        );
        await sleep(1_000, signal);
        continue;
      }
      if (messages.length > 0) await deliver(consumer, messages);
    }
  }

  async function deliver(consumer: Consumer, messages: Message[]): Promise<void> {
    const records = messages.map((message) =>
      toLambdaSqsRecord(message, consumer.queueArn, region),
    );
    let failed: Set<string>;
    try {
      const result = await consumer.handler(
        { Records: records },
        createLambdaContext(consumer.definition),
      );
      const ids = failedItemIdentifiers(result);
      const known = new Set(records.map((r) => r.messageId));
      // Lambda treats an unknown identifier like a malformed response: the whole batch failed.
      failed = ids === "all" || ids.some((id) => !known.has(id)) ? known : new Set(ids);
    } catch (error) {
      logger.error(`[queue] ${consumer.definition.id} failed: ${describeError(error)}`);
      return;
    }
    const succeeded = records.filter((record) => !failed.has(record.messageId));
    if (succeeded.length === 0) return;
    try {
      const result = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: consumer.queueUrl,
          Entries: succeeded.map((record, index) => ({
            Id: String(index),
            ReceiptHandle: record.receiptHandle,
          })),
        }),
      );
      for (const failure of result.Failed ?? []) {
        logger.warn(
          `[queue] ${consumer.definition.id}: delete failed: ${failure.Code} ${failure.Message ?? ""}`,
        );
      }
    } catch (error) {
      logger.warn(
        `[queue] ${consumer.definition.id}: DeleteMessageBatch failed: ${describeError(error)}`,
      );
    }
  }
}
