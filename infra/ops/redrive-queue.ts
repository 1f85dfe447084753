import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";

/**
 * Moves every message of a dead-letter queue back to its source queue, ten at a time: sent
 * first, deleted from the DLQ only after the send succeeded, so a crash in between leaves a copy
 * in both (the channel consumers are idempotent per delivery) rather than losing one. Works on
 * AWS and on the local emulator alike (StartMessageMoveTask is AWS-only). Answers how many moved.
 */
export async function redriveQueue(
  sqs: SQSClient,
  deadLetterUrl: string,
  queueUrl: string,
): Promise<number> {
  let moved = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deadLetterUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 60,
        MessageAttributeNames: ["All"],
      }),
    );
    if (Messages.length === 0) return moved;
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body ?? "",
          ...(m.MessageAttributes ? { MessageAttributes: m.MessageAttributes } : {}),
        })),
      }),
    );
    const ok = new Set((sent.Successful ?? []).map((s) => s.Id));
    const done = Messages.flatMap((m, i) =>
      ok.has(String(i)) && m.ReceiptHandle
        ? [{ Id: String(i), ReceiptHandle: m.ReceiptHandle }]
        : [],
    );
    if (done.length > 0) {
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: deadLetterUrl, Entries: done }));
    }
    moved += done.length;
    if (done.length < Messages.length) {
      throw new Error(`${Messages.length - done.length} message(s) could not be sent back`);
    }
  }
}
