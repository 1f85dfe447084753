import { parseArgs } from "node:util";
import { GetQueueUrlCommand, SQSClient } from "@aws-sdk/client-sqs";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import { deadLetterQueueName, localResourceName } from "../local/bootstrap/resource-names.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/runners/local-account.ts";
import { redriveQueue } from "./redrive-queue.ts";
import { runningLocalStack } from "./table-target.ts";

// A channel queue's dead letters back to the queue: `npm run redrive -- sms` (or email,
// webhooks, imports). Against AWS give both URLs (`--queue-url`, `--dlq-url`; credentials and
// region from the usual AWS environment); without them, the running local stack of
// CITYRISK_DATA_DIR (default .data) on the SQS emulator.
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    "queue-url": { type: "string" },
    "dlq-url": { type: "string" },
    "data-dir": { type: "string" },
  },
});
const queueId = positionals[0] ?? "";
if (!messaging.queues.some((q) => q.id === queueId)) {
  const ids = messaging.queues.map((q) => q.id).join("|");
  console.error(
    `usage: npm run redrive -- ${ids} [--queue-url <url> --dlq-url <url>] [--data-dir <dir>]`,
  );
  process.exit(2);
}

async function target(): Promise<{ sqs: SQSClient; queueUrl: string; deadLetterUrl: string }> {
  if (values["queue-url"] && values["dlq-url"]) {
    return {
      sqs: new SQSClient({}),
      queueUrl: values["queue-url"],
      deadLetterUrl: values["dlq-url"],
    };
  }
  const local = runningLocalStack(values["data-dir"]);
  if (!local.awsEndpoint || !local.prefix)
    throw new Error("restart the local stack: its stack file predates queues");
  const sqs = new SQSClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: local.awsEndpoint,
  });
  const url = async (name: string) =>
    (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl ?? "";
  return {
    sqs,
    queueUrl: await url(localResourceName(local.prefix, queueId)),
    deadLetterUrl: await url(deadLetterQueueName(local.prefix, queueId)),
  };
}

const { sqs, queueUrl, deadLetterUrl } = await target();
console.log(
  `${await redriveQueue(sqs, deadLetterUrl, queueUrl)} message(s) moved back to ${queueId}`,
);
