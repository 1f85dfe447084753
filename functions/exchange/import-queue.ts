import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import * as z from "zod";
import { config } from "../platform/config.ts";

// Built on first publish, not at module load: the import worker parses messages on every
// invocation but publishes only to continue a long job, so it should not pay for an SNS client
// until then. Once built, the client is kept for every later invocation of the warm function.
let sns: SNSClient | undefined;

function snsClient(): SNSClient {
  sns ??= new SNSClient({ region: config().region });
  return sns;
}

/** What the `imports` topic carries: which job (import or export) of which tenant to run. */
export const ImportMessageSchema = z.object({
  tenantId: z.string().min(1),
  jobId: z.string().min(1),
});
export type ImportMessage = z.infer<typeof ImportMessageSchema>;

/**
 * Hands a stored job to the worker through the `imports` topic and queue. The one place a job
 * is published: starting it, continuing it after a pause, re-enqueuing it when it stalled.
 */
export async function enqueueJob(message: ImportMessage): Promise<void> {
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
