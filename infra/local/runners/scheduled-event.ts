import { randomUUID } from "node:crypto";
import type { ScheduledEvent } from "aws-lambda";
import { LOCAL_ACCOUNT, LOCAL_REGION } from "./local-account.ts";

/** The detail the CDK schedule target sends: which schedule fired. */
export interface ScheduleDetail {
  scheduleId: string;
}

export function scheduleArn(
  scheduleId: string,
  region = LOCAL_REGION,
  account = LOCAL_ACCOUNT,
): string {
  return `arn:aws:scheduler:${region}:${account}:schedule/default/${scheduleId}`;
}

/**
 * The event a scheduled handler receives: EventBridge's "Scheduled Event" shape (what
 * `aws-lambda`'s `ScheduledEvent` and Powertools' EventBridge schema describe). EventBridge
 * Scheduler sends only what the target's `input` says; the CDK app (`function-triggers.ts`) passes
 * this same shape as `ScheduleTargetInput.fromObject` with `ContextAttribute.executionId/scheduledTime/scheduleArn`
 * filling `id`, `time` and `resources` — then both targets hand handlers the same event.
 */
export function scheduledEvent(
  scheduleId: string,
  time: Date,
  region = LOCAL_REGION,
  account = LOCAL_ACCOUNT,
): ScheduledEvent<ScheduleDetail> {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Scheduled Event",
    source: "aws.scheduler",
    account,
    time: time.toISOString().replace(/\.\d{3}Z$/, "Z"),
    region,
    resources: [scheduleArn(scheduleId, region, account)],
    detail: { scheduleId },
  };
}
