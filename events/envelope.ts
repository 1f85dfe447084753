import * as z from "zod";
import { DistrictCodeSchema } from "../shared/catalogs/districts.ts";
import { IndustryIdSchema } from "../shared/catalogs/industries.ts";
import { LevelSchema } from "../shared/methodology/levels.ts";

/**
 * The envelope every product event travels in: on the `events` SNS topic (fan-out to the SMS,
 * e-mail and webhook queues), in webhook bodies and in the delivery log. `type` and `version`
 * name the versioned payload schema in `events/` (e.g. `risk-level-changed.v1.ts`); `data` is
 * that payload. The subject says whose event it is, so every consumer can scope it by tenant
 * and jurisdiction without reading the payload.
 */
export const EventSubjectSchema = z.object({
  tenantId: z.string().min(1),
  riskSourceId: z.string().min(1).optional(),
  district: DistrictCodeSchema.optional(),
  street: z.string().min(1).optional(),
  industry: IndustryIdSchema.optional(),
  /** The warning level or grade the event carries, for filter policies and quiet hours. */
  level: LevelSchema.optional(),
});
export type EventSubject = z.infer<typeof EventSubjectSchema>;

export const EventEnvelopeSchema = z.object({
  /** Unique per event; a webhook's `webhook-id`, the same on every retry. */
  id: z.string().min(1),
  type: z.string().regex(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  subject: EventSubjectSchema,
  data: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** The topic every product event is published to (functions/platform/messaging-definitions.ts). */
export const EVENTS_TOPIC_ID = "events";

/** SNS message attributes the channel queues' filter policies match on. */
export function eventAttributes(envelope: EventEnvelope): Record<string, string> {
  const { subject } = envelope;
  return {
    eventType: envelope.type,
    tenantId: subject.tenantId,
    ...(subject.level ? { level: subject.level } : {}),
    ...(subject.district ? { district: subject.district } : {}),
    ...(subject.industry ? { industry: subject.industry } : {}),
  };
}
