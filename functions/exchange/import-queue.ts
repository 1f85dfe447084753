import * as z from "zod";
import { publishedMessageOf } from "../adapters/messaging/sns-envelope.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";

/** What the `imports` topic carries: which job (import or export) of which tenant to run. */
export const ImportMessageSchema = z.object({
  tenantId: z.string().min(1),
  jobId: z.string().min(1),
});
export type ImportMessage = z.infer<typeof ImportMessageSchema>;

/**
 * The outbox step that hands a job to the worker through the `imports` topic and queue, for the
 * unit of work that saves the job: the job is queued if and only if its save committed. The one
 * way a job is published: starting it, continuing it after a pause, re-enqueuing it when it stalled.
 */
export function jobMessageStep(message: ImportMessage, now = new Date()): WriteStep {
  return outboxStep(
    message.tenantId,
    { channel: "topic", topic: "imports", message: JSON.stringify(message) },
    now,
  );
}

/** The job message of one SQS record of the `imports` queue. */
export function importMessageOf(body: string): ImportMessage {
  return ImportMessageSchema.parse(publishedMessageOf(body));
}
