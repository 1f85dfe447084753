import { readFileSync } from "node:fs";
import { createLambdaContext } from "../../infra/local/runners/lambda-context.ts";
import { toLambdaSqsRecord } from "../../infra/local/runners/sqs-records.ts";

/**
 * A stand-in for Lambda's workers on the `passes` queue, in a process of its own so the
 * benchmark can kill it for real: invokes the product's queue handler with each message (as the
 * SQS event source would), BENCH_WORKERS at once, and delivers a failed message again. Prints
 * its elapsed milliseconds. The environment (table, endpoint) is the parent's.
 */
const messages = JSON.parse(readFileSync(process.env.BENCH_MESSAGES ?? "", "utf8")) as unknown[];
const workers = Number(process.env.BENCH_WORKERS ?? 8);
const { handler } = await import("../../functions/passes/pass-worker.handler.ts");
const { passWorker } = await import("../../functions/passes/manifest.ts");
const queueArn = "arn:aws:sqs:us-east-1:000000000000:passes";

const began = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: workers }, async () => {
    while (next < messages.length) {
      const i = next++;
      const body = JSON.stringify(messages[i]);
      for (let receive = 1; receive <= 5; receive++) {
        const record = toLambdaSqsRecord(
          {
            MessageId: `m-${i}`,
            Body: body,
            Attributes: { ApproximateReceiveCount: String(receive) },
          },
          queueArn,
          "us-east-1",
        );
        const result = await handler({ Records: [record] }, createLambdaContext(passWorker));
        if (!result?.batchItemFailures.length) break;
      }
    }
  }),
);
console.log(JSON.stringify({ ms: performance.now() - began }));
