import * as z from "zod";

const NotificationSchema = z.object({ Type: z.literal("Notification"), Message: z.string() });

/**
 * The published message of one SQS record body: queues subscribe to their topics without raw
 * delivery, so the body is SNS's envelope whose `Message` is ours; a body sent straight to the
 * queue (a redrive, a test) is taken as it is.
 */
export function publishedMessageOf(body: string): unknown {
  const parsed: unknown = JSON.parse(body);
  const envelope = NotificationSchema.safeParse(parsed);
  return envelope.success ? JSON.parse(envelope.data.Message) : parsed;
}
