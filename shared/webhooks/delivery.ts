import * as z from "zod";
import {
  type AttemptOutcome,
  nextAttemptAt,
  WEBHOOK_FAILING_DISABLE_MS,
} from "./retry-schedule.ts";

/**
 * One message on its way to one endpoint (投递). Its id is the event's id, which is also the
 * `webhook-id` header: the same on every attempt and replay, so a receiver deduplicates by it.
 */
export const DeliveryStatusSchema = z.enum(["pending", "delivered", "failed"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const AttemptSummarySchema = z.object({
  at: z.iso.datetime(),
  /** The receiver's HTTP status; absent when there was no answer (timeout, refused, DNS). */
  statusCode: z.number().int().optional(),
  durationMs: z.number().int().nonnegative(),
  error: z.string().optional(),
});
export type AttemptSummary = z.infer<typeof AttemptSummarySchema>;

export const DeliverySchema = z.object({
  tenantId: z.string(),
  endpointId: z.string(),
  /** The event's id: the `webhook-id`. */
  id: z.string(),
  eventType: z.string(),
  occurredAt: z.iso.datetime(),
  status: DeliveryStatusSchema,
  /** Attempts ever made, replays included. */
  attempts: z.number().int().nonnegative(),
  /** Attempts since the delivery was made or last replayed: the retry schedule's position. */
  roundAttempts: z.number().int().nonnegative(),
  /** When the next attempt is due ("" when none is: delivered, or the schedule is spent). */
  nextAttemptAt: z.string(),
  lastAttempt: AttemptSummarySchema.optional(),
  deliveredAt: z.iso.datetime().optional(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** One attempt of the delivery log (投递日志): what was answered, how long it took. */
export const AttemptLogSchema = AttemptSummarySchema.extend({
  tenantId: z.string(),
  endpointId: z.string(),
  id: z.string(),
  deliveryId: z.string(),
  eventType: z.string(),
  number: z.number().int().positive(),
  outcome: z.enum(["delivered", "failed", "gone"]),
});
export type AttemptLog = z.infer<typeof AttemptLogSchema>;

/**
 * How long a claimed attempt holds its delivery before a sweep may take it again: above the 15 s
 * receiver timeout with room for the log write. A worker that dies after sending leaves the
 * delivery due again after this, and the next attempt carries the same `webhook-id`.
 */
export const ATTEMPT_LEASE_MS = 60_000;

/** A new delivery of an event to an endpoint, due at once. */
export function newDelivery(
  tenantId: string,
  endpointId: string,
  event: { id: string; type: string; occurredAt: string },
  now: Date,
): Delivery {
  const at = now.toISOString();
  return {
    tenantId,
    endpointId,
    id: event.id,
    eventType: event.type,
    occurredAt: event.occurredAt,
    status: "pending",
    attempts: 0,
    roundAttempts: 0,
    nextAttemptAt: at,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** Whether a delivery may be attempted at `now`. */
export function isDue(delivery: Delivery, now: Date): boolean {
  return (
    delivery.status === "pending" &&
    delivery.nextAttemptAt !== "" &&
    Date.parse(delivery.nextAttemptAt) <= now.getTime()
  );
}

/** The delivery once an attempt is claimed: counted, and held for the lease. */
export function claimed(delivery: Delivery, now: Date): Delivery {
  return {
    ...delivery,
    attempts: delivery.attempts + 1,
    roundAttempts: delivery.roundAttempts + 1,
    nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS).toISOString(),
    version: delivery.version + 1,
    updatedAt: now.toISOString(),
  };
}

/**
 * The delivery after its claimed attempt answered: delivered; failed for good (410, or the
 * schedule spent); or pending again at the schedule's next time (a longer Retry-After wins).
 */
export function afterAttempt(
  delivery: Delivery,
  outcome: AttemptOutcome,
  summary: AttemptSummary,
  now: Date,
): Delivery {
  const base = {
    ...delivery,
    lastAttempt: summary,
    version: delivery.version + 1,
    updatedAt: now.toISOString(),
  };
  if (outcome.kind === "delivered")
    return { ...base, status: "delivered", nextAttemptAt: "", deliveredAt: now.toISOString() };
  if (outcome.kind === "gone") return { ...base, status: "failed", nextAttemptAt: "" };
  const next = nextAttemptAt(delivery.roundAttempts, now, outcome.retryAfterMs);
  return next
    ? { ...base, status: "pending", nextAttemptAt: next.toISOString() }
    : { ...base, status: "failed", nextAttemptAt: "" };
}

/** A delivery given a new round of the schedule by a replay, due at once. */
export function replayed(delivery: Delivery, now: Date): Delivery {
  const { deliveredAt: _deliveredAt, ...rest } = delivery;
  return {
    ...rest,
    status: "pending",
    roundAttempts: 0,
    nextAttemptAt: now.toISOString(),
    version: delivery.version + 1,
    updatedAt: now.toISOString(),
  };
}

/** What an attempt's outcome does to its endpoint. */
export type EndpointHealth =
  | { kind: "unchanged" }
  | { kind: "recovered" }
  | { kind: "failingSince"; at: string }
  | { kind: "disable"; reason: "gone" | "failing" };

/**
 * A success clears the endpoint's failing mark; a 410 disables it; a failure starts the mark, or
 * disables the endpoint when it has been failing, without one success, for 5 days.
 */
export function endpointHealth(
  endpoint: { status: string; failingSince?: string | undefined },
  outcome: AttemptOutcome,
  now: Date,
): EndpointHealth {
  if (outcome.kind === "delivered")
    return endpoint.failingSince ? { kind: "recovered" } : { kind: "unchanged" };
  if (endpoint.status !== "enabled") return { kind: "unchanged" };
  if (outcome.kind === "gone") return { kind: "disable", reason: "gone" };
  if (!endpoint.failingSince) return { kind: "failingSince", at: now.toISOString() };
  const failingFor = now.getTime() - Date.parse(endpoint.failingSince);
  return failingFor >= WEBHOOK_FAILING_DISABLE_MS
    ? { kind: "disable", reason: "failing" }
    : { kind: "unchanged" };
}
