import type { Context, DynamoDBRecord, SQSRecord } from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { failedItemIdentifiers } from "../../../infra/local/runners/batch-response.ts";
import { createLambdaContext } from "../../../infra/local/runners/lambda-context.ts";
import type { FunctionDefinition } from "../manifest-types.ts";
import { logger } from "../powertools.ts";
import { authorizerHandler } from "./authorizer-handler.ts";
import { queueHandler, streamHandler } from "./batch-handlers.ts";
import { scheduleHandler } from "./schedule-handler.ts";

interface LogLine {
  getAttributes(): Record<string, unknown>;
}

const definition: FunctionDefinition = {
  id: "fixture-consumer",
  description: "test",
  handler: "test/fixtures/functions/queue.handler.ts",
};
const context = (): Context => createLambdaContext(definition);

const sqsRecord = (messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: `r-${messageId}`,
  body,
  attributes: {
    ApproximateReceiveCount: "1",
    SentTimestamp: "0",
    SenderId: "local",
    ApproximateFirstReceiveTimestamp: "0",
  },
  messageAttributes: {},
  md5OfBody: "",
  eventSource: "aws:sqs",
  eventSourceARN: "arn:aws:sqs:us-east-1:000000000000:fixture",
  awsRegion: "us-east-1",
});

const streamRecord = (sequenceNumber: string, fail: boolean): DynamoDBRecord => ({
  eventID: sequenceNumber,
  eventName: "INSERT",
  eventSource: "aws:dynamodb",
  dynamodb: { SequenceNumber: sequenceNumber, NewImage: { fail: { BOOL: fail } } },
});

describe("queueHandler", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reports only the message that failed, after handling the others in order", async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const seen: string[] = [];
    const handler = queueHandler(definition, async (record) => {
      seen.push(record.body);
      if (record.body === "bad") throw new Error("boom");
    });

    const result = await handler(
      { Records: [sqsRecord("m-1", "ok"), sqsRecord("m-2", "bad"), sqsRecord("m-3", "ok")] },
      context(),
    );

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: "m-2" }] });
    expect(seen).toEqual(["ok", "bad", "ok"]);
    expect(failedItemIdentifiers(result)).toEqual(["m-2"]);
    expect(errors).toHaveBeenCalledWith(
      "record failed",
      expect.objectContaining({ itemIdentifier: "m-2" }),
    );
  });

  it("reports a batch whose every message failed instead of throwing", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const handler = queueHandler(definition, async () => {
      throw new Error("down");
    });

    const result = await handler({ Records: [sqsRecord("m-1", "a")] }, context());

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: "m-1" }] });
  });

  it("reports nothing when every message succeeded", async () => {
    const handler = queueHandler(definition, async () => undefined);

    expect(await handler({ Records: [sqsRecord("m-1", "a")] }, context())).toEqual({
      batchItemFailures: [],
    });
  });
});

describe("streamHandler", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reports only the failed record's sequence number", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const handler = streamHandler(definition, async (record) => {
      if (record.dynamodb?.NewImage?.fail?.BOOL) throw new Error("table unreachable");
    });

    const result = await handler(
      { Records: [streamRecord("100", false), streamRecord("200", true)] },
      context(),
    );

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: "200" }] });
    expect(failedItemIdentifiers(result)).toEqual(["200"]);
  });
});

describe("scheduleHandler", () => {
  it("hands the scheduled event and the invocation's context to the handler", async () => {
    const handle = vi.fn(async () => undefined);
    const handler = scheduleHandler(definition, handle);
    const event = {
      version: "0",
      id: "e-1",
      "detail-type": "Scheduled Event" as const,
      source: "aws.scheduler" as const,
      account: "000000000000",
      time: "2026-01-01T00:00:00Z",
      region: "us-east-1",
      resources: [],
      detail: { scheduleId: "outbox-sweep" },
    };

    const invocation = context();
    await handler(event, invocation);

    // The context carries the clock a long sweep stops by (time-left.ts).
    expect(handle).toHaveBeenCalledWith(event, invocation);
  });
});

describe("authorizerHandler", () => {
  it("passes API Gateway's Unauthorized through unchanged", async () => {
    const handler = authorizerHandler(definition, async () => {
      throw new Error("Unauthorized");
    });

    await expect(
      handler({ headers: {} } as Parameters<typeof handler>[0], context()),
    ).rejects.toThrow(new Error("Unauthorized"));
  });
});

describe("the shared chain", () => {
  afterEach(() => vi.restoreAllMocks());

  it("fails the cold start naming the function and what its manifest entry lacks", async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const handle = vi.fn(async () => undefined);
    const handler = scheduleHandler(
      { ...definition, id: "fixture-publisher", publishes: ["never-deployed"] },
      handle,
    );

    await expect(handler({} as Parameters<typeof handler>[0], context())).rejects.toThrow(
      "fixture-publisher: missing TOPIC_ARN_NEVER_DEPLOYED",
    );
    expect(handle).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledWith("configuration refused", expect.anything());
  });

  it("names the function on every line of the invocation, and forgets it afterwards", async () => {
    // The logger's own printing step (protected): what each line would carry, before JSON.
    const printed = vi
      .spyOn(logger as unknown as { printLog: (level: number, item: LogLine) => void }, "printLog")
      .mockImplementation(() => undefined);
    const handler = scheduleHandler(definition, async () => logger.warn("inside"));

    await handler({} as Parameters<typeof handler>[0], context());
    logger.warn("after");

    const [inside, after] = printed.mock.calls.map(([, item]) => item.getAttributes());
    expect(inside).toMatchObject({ message: "inside", function: "fixture-consumer" });
    expect(after).toMatchObject({ message: "after" });
    expect(after).not.toHaveProperty("function");
  });
});
