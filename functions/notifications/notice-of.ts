import * as z from "zod";
import { type EventEnvelope, EventEnvelopeSchema } from "../../events/envelope.ts";
import { WarningEventBaseSchema } from "../../events/warning-payload.ts";
import {
  NOTIFIED_EVENT_TYPES,
  type Notice,
  type NotifiedEventType,
} from "../../shared/notifications/notice.ts";

const SnsNotificationSchema = z.object({ Type: z.literal("Notification"), Message: z.string() });

/**
 * The product event an SQS record carries: the channel queues subscribe to the `events` topic
 * without raw delivery, so the body is SNS's notification whose `Message` is the envelope.
 */
export function envelopeOf(body: string): EventEnvelope {
  const parsed: unknown = JSON.parse(body);
  const sns = SnsNotificationSchema.safeParse(parsed);
  return EventEnvelopeSchema.parse(sns.success ? JSON.parse(sns.data.Message) : parsed);
}

function isNotified(type: string): type is NotifiedEventType {
  return (NOTIFIED_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * What officials are told about an event, or undefined for events no person is texted or
 * mailed about (acknowledgements, the register's events: the inbox and webhooks carry those;
 * an overdue review reaches people as the `review-overdue` warning it raises).
 */
export function noticeOf(envelope: EventEnvelope): Notice | undefined {
  if (!isNotified(envelope.type)) return undefined;
  const data = WarningEventBaseSchema.parse(envelope.data);
  const { subject } = envelope;
  return {
    eventId: envelope.id,
    eventType: envelope.type,
    tenantId: subject.tenantId,
    warningId: data.warningId,
    riskSourceId: data.riskSourceId,
    riskSourceName: data.riskSourceName,
    enterpriseName: data.enterpriseName,
    rule: data.rule,
    level: data.level,
    step: data.step,
    place: {
      district: subject.district ?? "",
      street: subject.street ?? "",
      industry: subject.industry ?? "",
    },
    occurredAt: envelope.occurredAt,
  };
}
