import { ulid } from "ulidx";
import {
  OUTBOX_STREAM_GRACE_SECONDS,
  type OutboxEffect,
  type OutboxMessage,
} from "../../../shared/outbox/outbox-message.ts";
import { OUTBOX_SHARDS } from "../../adapters/dynamodb/entities/outbox-message.ts";
import { shardOf } from "../../adapters/dynamodb/shard.ts";
import type { WriteStep } from "../data/unit-of-work.ts";

const WEEK_SECONDS = 7 * 24 * 3600;

/** The stored item of a message; a delivered one drops its payload and expires a week later. */
export function outboxItem(message: OutboxMessage) {
  const delivered = message.status === "delivered";
  return {
    tenantId: message.tenantId,
    id: message.id,
    status: message.status,
    shard: shardOf(message.id, OUTBOX_SHARDS),
    nextAttemptAt: message.nextAttemptAt,
    attempts: message.attempts,
    record: message,
    ...(delivered && message.deliveredAt
      ? { expiresAt: Math.floor(Date.parse(message.deliveredAt) / 1000) + WEEK_SECONDS }
      : {}),
  };
}

/** A new message; the stream delivers it at once, a sweep only after a grace period. */
export function newOutboxMessage(tenantId: string, effect: OutboxEffect, now: Date): OutboxMessage {
  return {
    tenantId,
    id: ulid(now.getTime()),
    effect,
    status: "pending",
    attempts: 0,
    nextAttemptAt: new Date(now.getTime() + OUTBOX_STREAM_GRACE_SECONDS * 1000).toISOString(),
    createdAt: now.toISOString(),
  };
}

/**
 * The step that puts a side effect in the outbox, for the unit of work of the change it
 * follows: the effect happens if and only if the change committed.
 */
export function outboxStep(tenantId: string, effect: OutboxEffect, now = new Date()): WriteStep {
  const message = newOutboxMessage(tenantId, effect, now);
  return { action: (tx) => tx.outboxMessage.create(outboxItem(message)).commit() };
}
