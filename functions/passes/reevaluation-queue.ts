import * as z from "zod";
import { publishedMessageOf } from "../adapters/messaging/sns-envelope.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";

/** The topic (and its queue) the re-evaluation pass is started and fanned out through. */
export const REEVALUATION_TOPIC_ID = "reevaluation";

/**
 * Parallel scan segments of one pass: each is one queue message, so on AWS as many workers
 * run at once; 3M sources make ~47k per segment, minutes of one worker.
 */
export const REEVALUATION_SEGMENTS = 64;

/**
 * The outbox partition of the city-wide pass's messages: they belong to no enterprise (a pass
 * started by a city admin's request uses the admin's tenant instead).
 */
export const CITY_PASS_TENANT = "city";

const Pass = {
  passId: z.string().min(1),
  /** The profiles whose sources the pass re-grades; empty: every profile (the daily sweep). */
  profileIds: z.array(z.string().min(1)),
  segments: z.number().int().min(1).max(1000),
};

/** What the `reevaluation` queue carries: start a pass (the orchestrator), or run one segment. */
export const ReevaluationMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start"), ...Pass }),
  z.object({ kind: z.literal("segment"), ...Pass, segment: z.number().int().min(0) }),
]);
export type ReevaluationMessage = z.infer<typeof ReevaluationMessageSchema>;
export type StartMessage = Extract<ReevaluationMessage, { kind: "start" }>;

/** The message as an outbox step: queued if and only if the unit of work carrying it commits. */
export function reevaluationStep(
  tenantId: string,
  message: ReevaluationMessage,
  now = new Date(),
): WriteStep {
  return outboxStep(
    tenantId,
    { channel: "topic", topic: REEVALUATION_TOPIC_ID, message: JSON.stringify(message) },
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
    kind: "start",
    passId: `reevaluation-${profileId}-v${version}-${change}`,
    profileIds: [profileId],
    segments: REEVALUATION_SEGMENTS,
  };
}

/** The message of one SQS record of the `reevaluation` queue. */
export function reevaluationMessageOf(body: string): ReevaluationMessage {
  return ReevaluationMessageSchema.parse(publishedMessageOf(body));
}
