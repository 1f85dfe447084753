import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredImportJob } from "../../../functions/adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { importWorker } from "../../../functions/exchange/manifest.ts";
import { messaging } from "../../../functions/platform/messaging-definitions.ts";
import { createLambdaContext } from "../../../infra/local/runners/lambda-context.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { ImportJob } from "../../../shared/exchange/import-job.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { uniqueName } from "../../support/unique-name.ts";

// A job whose message keeps failing with an error that is not the import's fault (here: its file
// is missing from the bucket) must end `failed` on the message's last receive, before the queue
// moves the message to its DLQ, instead of reading `running` forever. Against DynamoDB Local and
// the fauxqs S3 bucket, calling the worker's handler as the SQS event source mapping would.
const TENANT = "t-gas-station-chaoyang";
const PATH = "/api/v1/risk-sources/imports";

/** The worker's queue's declared limit: the test follows the declaration, as the worker does. */
function maxReceives(): number {
  const queue = messaging.queues.find((q) => q.id === importWorker.queues?.[0]);
  if (!queue) throw new Error("the import worker's queue is not declared");
  return queue.maxReceiveCount;
}

function delivery(jobId: string, receiveCount: number): SQSEvent {
  return {
    Records: [
      {
        messageId: `m-${jobId}-${receiveCount}`,
        receiptHandle: "r",
        body: JSON.stringify({ tenantId: TENANT, jobId }),
        attributes: {
          ApproximateReceiveCount: String(receiveCount),
          SentTimestamp: "0",
          SenderId: "local",
          ApproximateFirstReceiveTimestamp: "0",
        },
        messageAttributes: {},
        md5OfBody: "",
        eventSource: "aws:sqs",
        eventSourceARN: "arn:aws:sqs:us-east-1:000000000000:imports",
        awsRegion: "us-east-1",
      },
    ],
  };
}

describe("import worker on a message's last receive", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let gasAdmin: ApiCaller;
  let invoke: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
  const handler = (event: SQSEvent) => invoke(event, createLambdaContext(importWorker));

  beforeAll(async () => {
    running = await startTestStack("import-last-receive");
    stack = running.stack;
    store = stackStore(stack);
    gasAdmin = await signIn(stack, "admin@gas-station.demo");
    // Imported only now: the handler reads its configuration once, from the started stack.
    ({ handler: invoke } = await import("../../../functions/exchange/import-worker.handler.ts"));
  });

  afterAll(async () => {
    await running?.stop();
  });

  /** A queued job whose file was never uploaded: reading it fails with S3's NoSuchKey. */
  async function jobWithoutFile(): Promise<string> {
    const id = uniqueName("job").toUpperCase();
    const at = new Date().toISOString();
    const job: StoredImportJob = {
      id,
      tenantId: TENANT,
      kind: "riskSources",
      status: "queued",
      dryRun: false,
      fileName: "导入.csv",
      format: "csv",
      objectKey: `${TENANT}/imports/${id}-missing`,
      caller: {
        userId: "u-gas-station-admin",
        tenantId: TENANT,
        role: "enterpriseAdmin",
        jurisdiction: { citywide: false, districts: [{ district: "110105" }], industries: ["gas"] },
      },
      total: 0,
      processed: 0,
      written: 0,
      failedRows: 0,
      errors: [],
      createdAt: at,
      updatedAt: at,
    };
    await store.entities.importJob
      .create({ tenantId: TENANT, id, status: job.status, record: job })
      .go();
    return id;
  }

  async function readJob(id: string): Promise<ImportJob> {
    const res = await gasAdmin.call("GET", `${PATH}/${id}`);
    expect(res.status).toBe(200);
    return res.body as ImportJob;
  }

  it("is declared with more than one receive, so the earlier receives below exist", () => {
    expect(maxReceives()).toBeGreaterThan(1);
  });

  it("leaves the job running and returns the message on every receive before the last", async () => {
    const id = await jobWithoutFile();

    for (let receive = 1; receive < maxReceives(); receive++) {
      const result = await handler(delivery(id, receive));

      expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: `m-${id}-${receive}` }] });
      const job = await readJob(id);
      expect(job.status).toBe("running");
      expect(job.reason).toBeUndefined();
    }
  });

  it("marks the job failed with a bilingual reason on the last receive, still handing the message to the DLQ", async () => {
    const id = await jobWithoutFile();
    const last = maxReceives();
    await handler(delivery(id, last - 1));

    const result = await handler(delivery(id, last));

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: `m-${id}-${last}` }] });
    expect(await readJob(id)).toEqual({
      id,
      kind: "riskSources",
      status: "failed",
      dryRun: false,
      fileName: "导入.csv",
      format: "csv",
      total: 0,
      processed: 0,
      written: 0,
      unchanged: 0,
      failedRows: 0,
      errors: [],
      reason: {
        zh: "导入任务多次执行失败，已停止重试，请重新提交导入",
        en: "The import failed on every attempt and will not be retried; start it again",
      },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it("leaves a failed job alone when the DLQ's message is redriven", async () => {
    const id = await jobWithoutFile();
    await handler(delivery(id, maxReceives()));
    const failed = await readJob(id);

    const result = await handler(delivery(id, 1));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(await readJob(id)).toEqual(failed);
  });
});
