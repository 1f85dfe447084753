import { type ImportMessage, importMessageOf } from "../exchange/import-queue.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";

/** The topic and queue report jobs travel on (messaging-definitions.ts). */
export const REPORTS_TOPIC = "reports";

/** The same `{tenantId, jobId}` message as import jobs carry, on its own topic and queue. */
export type ReportMessage = ImportMessage;
export const reportMessageOf: (body: string) => ReportMessage = importMessageOf;

/** The outbox step that hands a job to the worker: queued if and only if the job's save commits. */
export function reportMessageStep(message: ReportMessage, now = new Date()): WriteStep {
  return outboxStep(
    message.tenantId,
    { channel: "topic", topic: REPORTS_TOPIC, message: JSON.stringify(message) },
    now,
  );
}
