import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FunctionDefinition } from "../../../functions/platform/manifest-types.ts";
import type { MessagingDefinition } from "../../../functions/platform/messaging-definitions.ts";
import {
  ensureMessaging,
  type MessagingResources,
} from "../../../infra/local/bootstrap/ensure-messaging.ts";
import {
  LAMBDA_STARTING_BATCHES,
  type QueuePoller,
  startQueuePoller,
} from "../../../infra/local/runners/queue-poller.ts";
import { localAws } from "../../support/local-aws.ts";
import { uniqueName } from "../../support/unique-name.ts";
import { waitFor } from "../../support/wait-for.ts";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const QUEUES = ["fixture-wide", "fixture-default"] as const;
/** Batches of ten sent to each queue: more than either queue runs at once. */
const BATCHES = 8;
const messaging: MessagingDefinition = {
  topics: [{ id: "fixture-burst", description: "Fixture topic" }],
  queues: QUEUES.map((id) => ({
    id,
    topic: "fixture-burst",
    maxReceiveCount: 2,
    visibilityTimeoutSeconds: 30,
  })),
};
const consumers: FunctionDefinition[] = QUEUES.map((id) => ({
  id: `${id}-consumer`,
  description: "Holds each batch a moment and counts how many run at once",
  handler: "unused: loaded by the test",
  queues: [id],
}));

// A queue declaring three concurrent batches is polled by three loops: batches overlap, never
// more than three at once; a queue declaring none runs as many as Lambda starts with (five).
describe("queue poller's concurrent batches", () => {
  let resources: MessagingResources;
  let poller: QueuePoller;
  const runs = new Map(QUEUES.map((id) => [id, { inFlight: 0, most: 0, handled: 0 }]));

  beforeAll(async () => {
    const { sns, sqs, awsEndpoint } = localAws();
    resources = await ensureMessaging(sns, sqs, messaging, uniqueName("burst"));
    poller = await startQueuePoller({
      sqsEndpoint: awsEndpoint,
      queues: resources.queueUrls,
      concurrentBatches: { "fixture-wide": 3 },
      functions: consumers,
      loadHandler: async (definition) => {
        const run = runs.get(definition.queues?.[0] as (typeof QUEUES)[number]);
        if (!run) throw new Error(`no run for ${definition.id}`);
        return async (event) => {
          run.inFlight++;
          run.most = Math.max(run.most, run.inFlight);
          await new Promise((r) => setTimeout(r, 400));
          run.inFlight--;
          run.handled += (event as { Records: unknown[] }).Records.length;
          return { batchItemFailures: [] };
        };
      },
      waitTimeSeconds: 1,
      logger: quiet,
    });
  });

  afterAll(async () => {
    await poller.stop();
  });

  it("runs up to the declared batches of a queue at once, and Lambda's five by default", async () => {
    const { sqs } = localAws();
    for (const id of QUEUES) {
      for (let b = 0; b < BATCHES; b++) {
        await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: resources.queueUrls[id],
            Entries: Array.from({ length: 10 }, (_, i) => ({
              Id: `${i}`,
              MessageBody: `${id} ${b}-${i}`,
            })),
          }),
        );
      }
    }
    await waitFor(() => QUEUES.every((id) => runs.get(id)?.handled === BATCHES * 10), {
      description: "every message handled",
      timeoutMs: 60_000,
    });
    expect(runs.get("fixture-wide")?.most).toBeGreaterThan(1);
    expect(runs.get("fixture-wide")?.most).toBeLessThanOrEqual(3);
    expect(runs.get("fixture-default")?.most).toBeGreaterThan(3);
    expect(runs.get("fixture-default")?.most).toBeLessThanOrEqual(LAMBDA_STARTING_BATCHES);
  });
});
