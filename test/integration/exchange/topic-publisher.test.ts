import { CreateTopicCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { topicEnvName } from "../../../functions/platform/messaging-definitions.ts";
import { localAws } from "../../support/local-aws.ts";
import { uniqueName } from "../../support/unique-name.ts";

// Counts the SNS clients built, so the test can tell when the topic publisher (the outbox's topic
// channel) builds its own. The client is otherwise the real one and publishes to the fauxqs
// emulator. Test files share their worker's modules: the mock is imported fresh and undone after.
const built = { count: 0 };
function countSnsClients(): void {
  vi.doMock("@aws-sdk/client-sns", async (importOriginal) => {
    const sdk = await importOriginal<typeof import("@aws-sdk/client-sns")>();
    class CountedSNSClient extends sdk.SNSClient {
      constructor(...args: ConstructorParameters<typeof sdk.SNSClient>) {
        super(...args);
        built.count++;
      }
    }
    return { ...sdk, SNSClient: CountedSNSClient };
  });
  vi.resetModules();
}

describe("the topic publisher's SNS client", () => {
  let queueUrl: string;

  afterAll(() => {
    vi.doUnmock("@aws-sdk/client-sns");
    vi.resetModules();
  });

  beforeAll(async () => {
    countSnsClients();
    const { sns, sqs } = localAws();
    const topic = await sns.send(new CreateTopicCommand({ Name: uniqueName("imports") }));
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName("imports") }));
    queueUrl = queue.QueueUrl ?? "";
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
    );
    await sns.send(
      new SubscribeCommand({
        TopicArn: topic.TopicArn,
        Protocol: "sqs",
        Endpoint: attributes.Attributes?.QueueArn,
      }),
    );
    // Before anything reads the function configuration, which reads the environment once.
    process.env[topicEnvName("imports")] = topic.TopicArn;
  });

  it("is not built when the module loads, as functions that never publish load it", async () => {
    const before = built.count;

    await import("../../../functions/adapters/messaging/topic-publisher.ts");

    expect(built.count).toBe(before);
  });

  it("is built on the first publish, once, and delivers every message to the topic's queue", async () => {
    const { publishToTopic } = await import(
      "../../../functions/adapters/messaging/topic-publisher.ts"
    );
    const before = built.count;

    await publishToTopic("imports", JSON.stringify({ tenantId: "t-a", jobId: "j-1" }), {
      outboxId: "o-1",
    });
    await publishToTopic("imports", JSON.stringify({ tenantId: "t-a", jobId: "j-2" }));

    expect(built.count).toBe(before + 1);
    const { sqs } = localAws();
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 2,
      }),
    );
    const { importMessageOf } = await import("../../../functions/exchange/import-queue.ts");
    const jobs = (received.Messages ?? []).map((m) => importMessageOf(m.Body ?? "").jobId);
    expect(jobs.sort()).toEqual(["j-1", "j-2"]);
  });
});
