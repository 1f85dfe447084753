import * as z from "zod";
import { publishedMessageOf } from "../adapters/messaging/sns-envelope.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";

/**
 * The topic (and its queue) the city's passes are fanned out through: an orchestrator queues one
 * message per segment, and the pass worker runs each (on AWS, several at once).
 */
export const PASSES_TOPIC_ID = "passes";

/**
 * Parallel scan segments of one re-evaluation pass: each is one queue message, so on AWS as many
 * workers run at once; 3M sources make ~47k per segment, minutes of one worker.
 */
export const REEVALUATION_SEGMENTS = 64;

/**
 * The outbox partition of the city-wide passes' messages: they belong to no enterprise (a pass
 * started by a city admin's request uses the admin's tenant instead).
 */
export const CITY_PASS_TENANT = "city";

const Reevaluation = {
  passId: z.string().min(1),
  /** The profiles whose sources the pass re-grades; empty: every profile (the daily sweep). */
  profileIds: z.array(z.string().min(1)),
  segments: z.number().int().min(1).max(1000),
};

/** A segment of a dated pass: the pass's id and the instant it runs as of, the same for every segment. */
const Dated = {
  passId: z.string().min(1),
  at: z.iso.datetime(),
  segment: z.string().min(1),
};

/**
 * What the `passes` queue carries: start a re-evaluation (its orchestrator) or run one of its
 * segments; run one segment of the review-due pass, the readiness check, the hidden-danger
 * statistics reminder or the statistics reconciliation.
 */
export const PassMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("reevaluation-start"), ...Reevaluation }),
  z.object({
    kind: z.literal("reevaluation-segment"),
    ...Reevaluation,
    segment: z.number().int().min(0),
  }),
  z.object({ kind: z.literal("review-due-segment"), ...Dated }),
  z.object({ kind: z.literal("statistics-reminder-segment"), ...Dated }),
  z.object({ kind: z.literal("readiness-segment"), ...Dated }),
  z.object({ kind: z.literal("stats-reconciliation-segment"), ...Dated }),
]);
export type PassMessage = z.infer<typeof PassMessageSchema>;
export type ReevaluationMessage = Extract<
  PassMessage,
  { kind: "reevaluation-start" | "reevaluation-segment" }
>;
export type StartMessage = Extract<PassMessage, { kind: "reevaluation-start" }>;
export type DatedSegmentMessage = Extract<
  PassMessage,
  {
    kind:
      | "review-due-segment"
      | "statistics-reminder-segment"
      | "readiness-segment"
      | "stats-reconciliation-segment";
  }
>;

/** The message as an outbox step: queued if and only if the unit of work carrying it commits. */
export function passStep(tenantId: string, message: PassMessage, now = new Date()): WriteStep {
  return outboxStep(
    tenantId,
    { channel: "topic", topic: PASSES_TOPIC_ID, message: JSON.stringify(message) },
    now,
  );
}

/** The start of the pass a profile version's publication or retirement calls for. */
export function profileChangeStart(
  profileId: string,
  version: number,
  change: "published" | "retired",
): StartMessage {
  return {
    kind: "reevaluation-start",
    passId: `reevaluation-${profileId}-v${version}-${change}`,
    profileIds: [profileId],
    segments: REEVALUATION_SEGMENTS,
  };
}

/** The message of one SQS record of the `passes` queue. */
export function passMessageOf(body: string): PassMessage {
  return PassMessageSchema.parse(publishedMessageOf(body));
}
