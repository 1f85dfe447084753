import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnsuredTable } from "../../../infra/local/bootstrap/ensure-table.ts";
import {
  type ExhaustedStreamBatch,
  type StreamPoller,
  startStreamPoller,
} from "../../../infra/local/runners/stream-poller.ts";
import { fixtureManifest } from "../../fixtures/fixture-manifest.ts";
import { received } from "../../fixtures/functions/stream.handler.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { waitFor } from "../../support/wait-for.ts";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function recordsFor(pk: string): DynamoDBRecord[] {
  return received.flatMap((event) => event.Records).filter((r) => r.dynamodb?.Keys?.pk?.S === pk);
}

describe("startStreamPoller", () => {
  let table: EnsuredTable;
  let poller: StreamPoller;
  const exhausted: ExhaustedStreamBatch[] = [];

  beforeAll(async () => {
    table = await freshTable("stream");
    poller = await startStreamPoller({
      dynamodbEndpoint: localAws().dynamodbEndpoint,
      tableName: table.tableName,
      functions: fixtureManifest,
      startingPosition: "TRIM_HORIZON",
      pollIntervalMs: 50,
      retryBaseDelayMs: 10,
      onBatchExhausted: (batch) => {
        exhausted.push(batch);
      },
      logger: quiet,
    });
  });

  afterAll(async () => {
    await poller.stop();
  });

  it("delivers INSERT and MODIFY with old and new images, shaped like Lambda's event", async () => {
    const { documents } = localAws();
    const put = (item: Record<string, unknown>) =>
      documents.send(new PutCommand({ TableName: table.tableName, Item: item }));
    await put({ pk: "OTHER#1", sk: "A", name: "ignored" });
    await put({ pk: "FIXTURE#1", sk: "A", name: "first", count: 1 });
    await documents.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: "FIXTURE#1", sk: "A" },
        UpdateExpression: "SET #n = :n",
        ExpressionAttributeNames: { "#n": "name" },
        ExpressionAttributeValues: { ":n": "second" },
      }),
    );

    const [insert, modify] = await waitFor(
      () => recordsFor("FIXTURE#1").length >= 2 && recordsFor("FIXTURE#1"),
      {
        description: "INSERT and MODIFY of FIXTURE#1",
      },
    );

    const keys = { pk: { S: "FIXTURE#1" }, sk: { S: "A" } };
    const first = { ...keys, name: { S: "first" }, count: { N: "1" } };
    const common = {
      eventID: expect.any(String),
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: "us-east-1",
      eventSourceARN: table.streamArn,
    };
    const streamFields = {
      ApproximateCreationDateTime: expect.any(Number),
      Keys: keys,
      SequenceNumber: expect.any(String),
      SizeBytes: expect.any(Number),
      StreamViewType: "NEW_AND_OLD_IMAGES",
    };
    expect(insert).toEqual({
      ...common,
      eventName: "INSERT",
      dynamodb: { ...streamFields, NewImage: first },
    });
    expect(modify).toEqual({
      ...common,
      eventName: "MODIFY",
      dynamodb: { ...streamFields, OldImage: first, NewImage: { ...first, name: { S: "second" } } },
    });
    expect(recordsFor("OTHER#1")).toEqual([]);
  });

  it("applies the eventName filter (REMOVE is not delivered)", async () => {
    const { documents } = localAws();
    await documents.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: "FIXTURE#2", sk: "A" } }),
    );
    await documents.send(
      new DeleteCommand({ TableName: table.tableName, Key: { pk: "FIXTURE#2", sk: "A" } }),
    );
    await documents.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: "FIXTURE#3", sk: "A" } }),
    );

    await waitFor(() => recordsFor("FIXTURE#3").length === 1, { description: "FIXTURE#3 insert" });

    expect(recordsFor("FIXTURE#2").map((r) => r.eventName)).toEqual(["INSERT"]);
  });

  it("retries a reported failure maxRetries times, hands it to onBatchExhausted, then moves on", async () => {
    const { documents } = localAws();
    await documents.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: "FIXTURE#fail", sk: "A", fail: true },
      }),
    );
    await waitFor(() => exhausted.length === 1, { description: "the exhausted batch" });
    await documents.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: "FIXTURE#after", sk: "A" } }),
    );

    await waitFor(() => recordsFor("FIXTURE#after").length === 1, {
      description: "record after the failure",
    });

    const maxRetries =
      fixtureManifest.find((f) => f.id === "fixture-stream")?.stream?.maxRetries ?? -1;
    expect(recordsFor("FIXTURE#fail")).toHaveLength(1 + maxRetries);
    expect(
      exhausted.map((b) => ({ ...b, records: b.records.map((r) => r.dynamodb?.Keys?.pk?.S) })),
    ).toEqual([
      {
        functionId: "fixture-stream",
        streamArn: table.streamArn,
        shardId: expect.any(String),
        records: ["FIXTURE#fail"],
        attempts: 1 + maxRetries,
        error: expect.stringContaining("batchItemFailures"),
      },
    ]);
  });
});
