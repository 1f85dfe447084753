import { PublishCommand } from "@aws-sdk/client-sns";
import {
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import type { SQSRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessagingDefinition } from "../../../functions/platform/messaging-definitions.ts";
import {
  ensureMessaging,
  type MessagingResources,
} from "../../../infra/local/bootstrap/ensure-messaging.ts";
import { type QueuePoller, startQueuePoller } from "../../../infra/local/runners/queue-poller.ts";
import { fixtureManifest, fixtureMessaging } from "../../fixtures/fixture-manifest.ts";
import { received } from "../../fixtures/functions/queue.handler.ts";
import { localAws } from "../../support/local-aws.ts";
import { uniqueName } from "../../support/unique-name.ts";
import { waitFor } from "../../support/wait-for.ts";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** The fixture queues with a 1 s visibility timeout and two receives, so redrive is quick. */
const messaging: MessagingDefinition = {
  ...fixtureMessaging,
  queues: fixtureMessaging.queues.map((q) => ({
    ...q,
    visibilityTimeoutSeconds: 1,
    maxReceiveCount: 2,
  })),
};

function smsRecords(message: string): SQSRecord[] {
  return received
    .flatMap((event) => event.Records)
    .filter((record) => (JSON.parse(record.body) as { Message: string }).Message === message);
}

async function queueDepth(url: string): Promise<number> {
  const { Attributes } = await localAws().sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
}

async function drain(url: string): Promise<Message[]> {
  const { Messages } = await localAws().sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  return Messages ?? [];
}

describe("startQueuePoller", () => {
  let resources: MessagingResources;
  let poller: QueuePoller;
  let topicArn: string;

  const publish = (message: string, attributes: Record<string, string>) =>
    localAws().sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: message,
        MessageAttributes: Object.fromEntries(
          Object.entries(attributes).map(([k, v]) => [k, { DataType: "String", StringValue: v }]),
        ),
      }),
    );

  beforeAll(async () => {
    const { sns, sqs, awsEndpoint } = localAws();
    resources = await ensureMessaging(sns, sqs, messaging, uniqueName("queue"));
    topicArn = resources.topicArns["fixture-warnings"] ?? "";
    poller = await startQueuePoller({
      sqsEndpoint: awsEndpoint,
      queues: resources.queueUrls,
      functions: fixtureManifest,
      waitTimeSeconds: 1,
      logger: quiet,
    });
  });

  afterAll(async () => {
    await poller.stop();
  });

  it("fans out by filter policy and hands the consumer an SQS batch, deleting it after success", async () => {
    await publish("major in Dongcheng", { level: "major", district: "110101" });
    await publish("low in Chaoyang", { level: "low", district: "110105" });
    await publish("significant sentinel", { level: "significant", district: "110101" });

    const [record] = await waitFor(
      () => smsRecords("major in Dongcheng").length > 0 && smsRecords("major in Dongcheng"),
    );
    await waitFor(() => smsRecords("significant sentinel").length > 0, { description: "sentinel" });

    const sms = resources.queues["fixture-sms"];
    expect(record).toEqual({
      messageId: expect.any(String),
      receiptHandle: expect.any(String),
      body: expect.any(String),
      attributes: expect.objectContaining({
        ApproximateReceiveCount: "1",
        SentTimestamp: expect.any(String),
        SenderId: expect.any(String),
        ApproximateFirstReceiveTimestamp: expect.any(String),
      }),
      messageAttributes: {},
      md5OfBody: expect.any(String),
      eventSource: "aws:sqs",
      eventSourceARN: sms?.arn,
      awsRegion: "us-east-1",
    });
    expect(JSON.parse(record?.body ?? "{}")).toEqual(
      expect.objectContaining({
        Type: "Notification",
        TopicArn: topicArn,
        Message: "major in Dongcheng",
        MessageAttributes: {
          level: { Type: "String", Value: "major" },
          district: { Type: "String", Value: "110101" },
        },
      }),
    );
    expect(smsRecords("low in Chaoyang")).toEqual([]);
    await waitFor(async () => (await queueDepth(sms?.url ?? "")) === 0, {
      description: "sms queue drained",
    });

    const email = await drain(resources.queueUrls["fixture-email"] ?? "");
    expect(email.map((m) => (JSON.parse(m.Body ?? "{}") as { Message: string }).Message)).toEqual([
      "low in Chaoyang",
    ]);
  });

  it("leaves failed messages for redelivery until the redrive policy moves them to the DLQ", async () => {
    await publish("FAIL on purpose", { level: "major", district: "110101" });

    const dlq = resources.queues["fixture-sms"]?.deadLetter;
    await waitFor(async () => (await queueDepth(dlq?.url ?? "")) === 1, {
      description: "message in the DLQ",
      timeoutMs: 20_000,
    });

    expect(smsRecords("FAIL on purpose").map((r) => r.attributes.ApproximateReceiveCount)).toEqual([
      "1",
      "2",
    ]);
    const [dead] = await drain(dlq?.url ?? "");
    expect((JSON.parse(dead?.Body ?? "{}") as { Message: string }).Message).toBe("FAIL on purpose");
  });
});
