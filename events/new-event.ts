import { ulid } from "ulidx";
import type { EventEnvelope, EventSubject } from "./envelope.ts";

/** A payload module of the catalog: its type, version and schema (events/*.v1.ts). */
export interface EventKind<T> {
  type: string;
  version: number;
  parse: (data: unknown) => T;
}

/**
 * Builds an envelope for a payload, validated against its schema so nothing malformed is ever
 * written to the outbox. The id is new per event and stays with it through every retry.
 */
export function newEvent<T>(
  kind: EventKind<T>,
  subject: EventSubject,
  data: T,
  now: Date,
): EventEnvelope {
  return {
    id: ulid(now.getTime()),
    type: kind.type,
    version: kind.version,
    occurredAt: now.toISOString(),
    subject,
    data: kind.parse(data),
  };
}
