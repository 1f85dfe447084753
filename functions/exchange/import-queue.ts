import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import * as z from "zod";
import { config } from "../platform/config.ts";

// Built on first publish, not at module load: the import worker imports this module only to
// parse messages and never publishes, so it should not pay for (or configure) an SNS client.
// Once built, the client is kept for every later invocation of the warm function.
let sns: SNSClient | undefined;

function snsClient(): SNSClient {
  sns ??= new SNSClient({ region: config().region });
  return sns;
}

/** What the `imports` topic carries: which job of which tenant to run. */
export const ImportMessageSchema = z.object({
  tenantId: z.string().min(1),
  jobId: z.string().min(1),
});
export type ImportMessage = z.infer<typeof ImportMessageSchema>;

/** Hands a stored job to the import worker through the `imports` topic and queue. */
export async function enqueueImport(message: ImportMessage): Promise<void> {
  const topicArn = config().topicArns.imports;
  if (!topicArn) throw new Error("the imports topic ARN is not configured (TOPIC_ARN_IMPORTS)");
  await snsClient().send(
    new PublishCommand({ TopicArn: topicArn, Message: JSON.stringify(message) }),
  );
}

/**
 * The job message of one SQS record: the queue subscribes to the topic without raw delivery, so
 * the body is the SNS envelope whose `Message` is ours.
 */
export function importMessageOf(body: string): ImportMessage {
  const parsed: unknown = JSON.parse(body);
  const envelope = z
    .object({ Type: z.literal("Notification"), Message: z.string() })
    .safeParse(parsed);
  return ImportMessageSchema.parse(envelope.success ? JSON.parse(envelope.data.Message) : parsed);
}
