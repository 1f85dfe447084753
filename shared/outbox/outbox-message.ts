import * as z from "zod";
import { ActorSchema } from "../audit/audit-record.ts";
import { RoleSchema } from "../tenancy/roles.ts";

/**
 * A side effect that must follow a committed change (architecture.md "Nothing lost"): written in
 * the change's own transaction, delivered afterwards at least once, each effect idempotent on the
 * message id. Channels are what the product reaches outside its table.
 */
export const MailEffectSchema = z.object({
  channel: z.literal("mail"),
  mail: z.object({
    to: z.array(z.string()).min(1).readonly(),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
  }),
});

/** A message to one of the product's SNS topics (messaging-definitions.ts). */
export const TopicEffectSchema = z.object({
  channel: z.literal("topic"),
  topic: z.string().min(1),
  message: z.string(),
  attributes: z.record(z.string(), z.string()).optional(),
});

/** A change to a user's login in the identity provider, stated as the wanted state (so a repeat is harmless). */
export const IdentityEffectSchema = z.object({
  channel: z.literal("identity"),
  email: z.string().min(1),
  enabled: z.boolean().optional(),
  claims: z
    .object({ role: RoleSchema, jurisdiction: z.string(), previousRole: RoleSchema })
    .optional(),
});

/**
 * Reads of several enterprises' data by one official at one moment, to be written as one audit
 * record in each enterprise's trail (`functions/audit/audit-log.ts`): a map view or a list touches
 * hundreds of enterprises, and one message keeps the request's own writes to one.
 */
export const AuditReadsEffectSchema = z.object({
  channel: z.literal("audit"),
  at: z.iso.datetime(),
  actor: ActorSchema,
  reads: z.array(
    z.object({ tenantId: z.string().min(1), type: z.string().min(1), ids: z.array(z.string()) }),
  ),
});

/**
 * The indicators of a removed risk source and their state items, deleted once the removal has
 * committed: a source with many sensors would not fit the removal's own transaction.
 */
export const IndicatorRemovalEffectSchema = z.object({
  channel: z.literal("indicators"),
  tenantId: z.string().min(1),
  riskSourceId: z.string().min(1),
});

export const OutboxEffectSchema = z.discriminatedUnion("channel", [
  MailEffectSchema,
  TopicEffectSchema,
  IdentityEffectSchema,
  AuditReadsEffectSchema,
  IndicatorRemovalEffectSchema,
]);
export type OutboxEffect = z.infer<typeof OutboxEffectSchema>;

export const OutboxStatusSchema = z.enum(["pending", "delivered", "dead"]);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export const OutboxMessageSchema = z.object({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  effect: OutboxEffectSchema,
  status: OutboxStatusSchema,
  /** Delivery attempts claimed so far. */
  attempts: z.number().int().nonnegative(),
  /** When a sweep may (re)try it: after a failure, the backoff; while an attempt runs, its lease. */
  nextAttemptAt: z.string(),
  lastError: z.string().optional(),
  createdAt: z.string(),
  deliveredAt: z.string().optional(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** Attempts before a message is set aside as dead (to be redriven by an operator). */
export const OUTBOX_MAX_ATTEMPTS = 8;

/** The stream delivers a new message at once; sweeps leave it this long to the stream first. */
export const OUTBOX_STREAM_GRACE_SECONDS = 60;

/**
 * Seconds to wait before attempt `attempt + 1`: 30 s doubling to at most an hour, so a channel
 * that is down for a while is tried about eight times over roughly two hours before the message
 * is set aside.
 */
export function outboxBackoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
}
