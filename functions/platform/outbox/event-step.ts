import { EVENTS_TOPIC_ID, type EventEnvelope, eventAttributes } from "../../../events/envelope.ts";
import type { WriteStep } from "../data/unit-of-work.ts";
import { outboxStep } from "./outbox-item.ts";

/**
 * Publishes a product event to the `events` topic through the outbox: written in the caller's
 * unit of work, so the event exists exactly when the change it reports was committed.
 */
export function eventStep(envelope: EventEnvelope, now = new Date()): WriteStep {
  return outboxStep(
    envelope.subject.tenantId,
    {
      channel: "topic",
      topic: EVENTS_TOPIC_ID,
      message: JSON.stringify(envelope),
      attributes: eventAttributes(envelope),
    },
    now,
  );
}
