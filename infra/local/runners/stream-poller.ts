import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  type Shard,
  type ShardIteratorType,
  TrimmedDataAccessException,
} from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBRecord } from "aws-lambda";
import type {
  FunctionDefinition,
  StreamSubscription,
} from "../../../functions/platform/manifest-types.ts";
import { failedItemIdentifiers } from "./batch-response.ts";
import { describeError } from "./describe-error.ts";
import { matchesAnyFilter } from "./event-filter.ts";
import { createLambdaContext } from "./lambda-context.ts";
import {
  loadHandler as defaultLoadHandler,
  type InvokableHandler,
  type LoadHandler,
} from "./load-handler.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION, type RunnerLogger } from "./local-account.ts";
import { sleep } from "./sleep.ts";
import { toLambdaStreamRecord } from "./stream-records.ts";

/** Records per GetRecords call (the API maximum). */
const GET_RECORDS_LIMIT = 1000;
export interface ExhaustedStreamBatch {
  functionId: string;
  streamArn: string;
  shardId: string;
  /** The records discarded: from the first failed one to the end of the last attempted batch. */
  records: DynamoDBRecord[];
  attempts: number;
  error: string;
}

export interface StreamPollerOptions {
  dynamodbEndpoint: string;
  tableName: string;
  /** Functions without `stream` are ignored. */
  functions: readonly FunctionDefinition[];
  loadHandler?: LoadHandler;
  /** Where to start on shards open at start-up (later shards start at TRIM_HORIZON). Default LATEST. */
  startingPosition?: "LATEST" | "TRIM_HORIZON";
  pollIntervalMs?: number;
  shardDiscoveryIntervalMs?: number;
  /** First retry waits this long, doubling per retry up to 30 s. */
  retryBaseDelayMs?: number;
  /** Lambda's on-failure destination; the default logs the discarded batch. */
  onBatchExhausted?: (batch: ExhaustedStreamBatch) => void | Promise<void>;
  region?: string;
  logger?: RunnerLogger;
}

export interface StreamPoller {
  streamArn: string;
  stop(): Promise<void>;
}

interface Mapping {
  definition: FunctionDefinition;
  subscription: StreamSubscription;
  handler: InvokableHandler;
}

/**
 * The local stand-in for Lambda's DynamoDB event source mappings: one independent reader per
 * function and shard, Lambda filter criteria, batches of `batchSize`, partial batch responses,
 * `maxRetries` with backoff, then the batch is handed to `onBatchExhausted` and skipped.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const region = options.region ?? LOCAL_REGION;
  const logger = options.logger ?? console;
  const clientConfig = {
    endpoint: options.dynamodbEndpoint,
    region,
    credentials: LOCAL_CREDENTIALS,
  };
  const dynamodb = new DynamoDBClient(clientConfig);
  const streams = new DynamoDBStreamsClient(clientConfig);
  const controller = new AbortController();
  const { signal } = controller;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 200;
  const onBatchExhausted =
    options.onBatchExhausted ??
    ((batch: ExhaustedStreamBatch) =>
      logger.error(
        `[stream] ${batch.functionId}: discarding ${batch.records.length} record(s) from ${batch.shardId} ` +
          `after ${batch.attempts} attempt(s) (${batch.error}); first sequence ` +
          `${batch.records[0]?.dynamodb?.SequenceNumber ?? "?"}`,
      ));

  const streamArn = await tableStreamArn(dynamodb, options.tableName);
  dynamodb.destroy();

  const load = options.loadHandler ?? defaultLoadHandler;
  const mappings: Mapping[] = [];
  for (const definition of options.functions) {
    if (!definition.stream) continue;
    mappings.push({ definition, subscription: definition.stream, handler: await load(definition) });
  }

  const tasks: Promise<void>[] = [];
  const initialShards = await listShards();
  for (const mapping of mappings) {
    tasks.push((await startMapping(mapping, initialShards)).done);
  }

  return {
    streamArn,
    async stop() {
      controller.abort();
      await Promise.allSettled(tasks);
      streams.destroy();
    },
  };

  async function listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({
          StreamArn: streamArn,
          ExclusiveStartShardId: exclusiveStartShardId,
        }),
        { abortSignal: signal },
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  async function iteratorFor(shardId: string, type: ShardIteratorType, sequenceNumber?: string) {
    const result = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: type,
        SequenceNumber: sequenceNumber,
      }),
      { abortSignal: signal },
    );
    return result.ShardIterator;
  }

  /** Acquires the start-up iterators before returning, so writes made after start are seen. */
  async function startMapping(mapping: Mapping, shards: Shard[]): Promise<{ done: Promise<void> }> {
    const workers = new Map<string, Promise<void>>();
    const position = options.startingPosition ?? "LATEST";
    for (const shard of shards) {
      const shardId = shard.ShardId;
      if (!shardId) continue;
      const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      if (position === "LATEST" && closed) {
        workers.set(shardId, Promise.resolve());
        continue;
      }
      const iterator = await iteratorFor(shardId, position);
      workers.set(shardId, readShard(mapping, shardId, iterator));
    }
    return { done: discoverShards(mapping, workers) };
  }

  async function discoverShards(
    mapping: Mapping,
    workers: Map<string, Promise<void>>,
  ): Promise<void> {
    while (!signal.aborted) {
      await sleep(options.shardDiscoveryIntervalMs ?? 5_000, signal);
      if (signal.aborted) break;
      try {
        for (const shard of await listShards()) {
          const shardId = shard.ShardId;
          if (!shardId || workers.has(shardId)) continue;
          const parent = shard.ParentShardId ? workers.get(shard.ParentShardId) : undefined;
          workers.set(
            shardId,
            (async () => {
              await parent;
              if (signal.aborted) return;
              await readShard(mapping, shardId, await iteratorFor(shardId, "TRIM_HORIZON"));
            })(),
          );
        }
      } catch (error) {
        if (!signal.aborted)
          logger.warn(`[stream] shard discovery failed: ${describeError(error)}`);
      }
    }
    await Promise.allSettled(workers.values());
  }

  async function readShard(
    mapping: Mapping,
    shardId: string,
    initial: string | undefined,
  ): Promise<void> {
    let iterator = initial;
    let lastSequenceNumber: string | undefined;
    let pending: DynamoDBRecord[] = [];
    while (!signal.aborted) {
      if (pending.length > 0) {
        pending = await deliver(mapping, shardId, pending);
        continue;
      }
      if (!iterator) return;
      try {
        const page = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: GET_RECORDS_LIMIT }),
          {
            abortSignal: signal,
          },
        );
        iterator = page.NextShardIterator;
        const records = page.Records ?? [];
        lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber ?? lastSequenceNumber;
        pending = records
          .map((record) => toLambdaStreamRecord(record, streamArn, region))
          .filter((record) => matchesAnyFilter(mapping.subscription.filters, record));
        // Caught up (a short page): wait before the next read, as Lambda polls a shard a few
        // times a second rather than in a tight loop that would starve the gateway's process.
        if (records.length < GET_RECORDS_LIMIT) await sleep(pollIntervalMs, signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ResourceNotFoundException) {
          logger.warn(`[stream] ${mapping.definition.id}: shard ${shardId} is gone; reader stops`);
          return;
        }
        if (error instanceof TrimmedDataAccessException) {
          // The records at our position were trimmed (DynamoDB Local trims a shared in-memory
          // stream under load; AWS after 24 h). Lambda then reads on from the oldest record left;
          // so does this runner, rather than retrying the dead position for ever. Whatever an
          // outbox message missed this way, the sweep delivers.
          logger.warn(
            `[stream] ${mapping.definition.id}: shard ${shardId} trimmed past our position; reading on from the oldest record`,
          );
          iterator = await iteratorFor(shardId, "TRIM_HORIZON").catch(() => undefined);
          lastSequenceNumber = undefined;
          continue;
        }
        if (error instanceof ExpiredIteratorException) {
          iterator = lastSequenceNumber
            ? await iteratorFor(shardId, "AFTER_SEQUENCE_NUMBER", lastSequenceNumber)
            : await iteratorFor(shardId, "TRIM_HORIZON");
          continue;
        }
        logger.warn(
          `[stream] ${mapping.definition.id}: GetRecords failed: ${describeError(error)}`,
        );
        await sleep(1_000, signal);
      }
    }
  }

  /** Delivers the head batch until it succeeds or its retries run out; returns what is left. */
  async function deliver(
    mapping: Mapping,
    shardId: string,
    pending: DynamoDBRecord[],
  ): Promise<DynamoDBRecord[]> {
    const { batchSize, maxRetries } = mapping.subscription;
    let remaining = pending;
    let retries = 0;
    while (!signal.aborted) {
      const batch = remaining.slice(0, batchSize);
      const outcome = await invoke(mapping, batch);
      if (outcome.firstFailed < 0) return remaining.slice(batch.length);
      if (outcome.firstFailed > 0) retries = 0;
      remaining = remaining.slice(outcome.firstFailed);
      const failedCount = batch.length - outcome.firstFailed;
      if (retries >= maxRetries) {
        await onBatchExhausted({
          functionId: mapping.definition.id,
          streamArn,
          shardId,
          records: remaining.slice(0, failedCount),
          attempts: retries + 1,
          error: outcome.error,
        });
        return remaining.slice(failedCount);
      }
      retries += 1;
      await sleep(Math.min(retryBaseDelayMs * 2 ** (retries - 1), 30_000), signal);
    }
    return [];
  }

  async function invoke(
    mapping: Mapping,
    batch: DynamoDBRecord[],
  ): Promise<{ firstFailed: number; error: string }> {
    try {
      const result = await mapping.handler(
        { Records: batch },
        createLambdaContext(mapping.definition),
      );
      const failed = failedItemIdentifiers(result);
      if (failed === "all") return { firstFailed: 0, error: "malformed batchItemFailures" };
      if (failed.length === 0) return { firstFailed: -1, error: "" };
      const indexes = failed.map((id) => batch.findIndex((r) => r.dynamodb?.SequenceNumber === id));
      const firstFailed = indexes.includes(-1) ? 0 : Math.min(...indexes);
      return { firstFailed, error: `batchItemFailures: ${failed.join(", ")}` };
    } catch (error) {
      logger.error(`[stream] ${mapping.definition.id} failed: ${describeError(error)}`);
      return { firstFailed: 0, error: describeError(error) };
    }
  }
}

async function tableStreamArn(dynamodb: DynamoDBClient, tableName: string): Promise<string> {
  const described = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = described.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream enabled`);
  return streamArn;
}
