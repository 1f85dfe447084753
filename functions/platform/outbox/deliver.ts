import {
  OUTBOX_MAX_ATTEMPTS,
  type OutboxEffect,
  type OutboxMessage,
  outboxBackoffSeconds,
} from "../../../shared/outbox/outbox-message.ts";
import { isConditionFailure } from "../../adapters/dynamodb/conditions.ts";
import type { Store } from "../../adapters/dynamodb/store.ts";
import { logger } from "../powertools.ts";
import { type Channels, productChannels, runEffect } from "./channels.ts";
import { outboxItem } from "./outbox-item.ts";

export type DeliveryOutcome = "delivered" | "failed" | "dead" | "skipped";

export interface OutboxKey {
  tenantId: string;
  id: string;
}

/** Writes the message's next state if nobody claimed an attempt since `attempts`. */
async function replace(store: Store, next: OutboxMessage, attempts: number): Promise<boolean> {
  try {
    await store.entities.outboxMessage
      .put(outboxItem(next))
      .where((attr, { eq }) => eq(attr.attempts, attempts))
      .go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * A delivered mail keeps who and what, not its text: invitation links must not linger. Delivered
 * reads keep who read when, not the ids: the enterprises' trails hold those now.
 */
function redacted(effect: OutboxEffect): OutboxEffect {
  switch (effect.channel) {
    case "mail":
      return {
        channel: "mail",
        mail: { to: effect.mail.to, subject: effect.mail.subject, text: "" },
      };
    case "audit":
      return { ...effect, reads: [] };
    default:
      return effect;
  }
}

function seconds(at: Date, s: number): string {
  return new Date(at.getTime() + s * 1000).toISOString();
}

/**
 * Delivers one message at least once, and never twice while things work: an attempt is claimed
 * first (attempts + 1, and the next try pushed back by the backoff, so a sweep leaves a running
 * attempt alone), then the effect runs, then the message is marked delivered. A failure keeps it
 * pending until its backoff passes — or sets it aside as dead after the last attempt. Only a
 * crash between the effect and the mark repeats an effect, which is why channels are idempotent.
 */
export async function deliverMessage(
  store: Store,
  key: OutboxKey,
  now: Date,
  channels: Channels = productChannels,
): Promise<DeliveryOutcome> {
  const { data } = await store.entities.outboxMessage.get(key).go({ consistent: true });
  const message = data?.record;
  if (message?.status !== "pending") return "skipped";
  // A claimed attempt pushed the next try past its backoff: until then it is running (or failed
  // and waits), and claiming it again would run the effect a second time beside it. A first
  // attempt (none claimed yet, or a redriven message) goes at once.
  if (message.attempts > 0 && Date.parse(message.nextAttemptAt) > now.getTime()) return "skipped";
  const attempts = message.attempts + 1;
  const claimed: OutboxMessage = {
    ...message,
    attempts,
    nextAttemptAt: seconds(now, outboxBackoffSeconds(attempts)),
  };
  if (!(await replace(store, claimed, message.attempts))) return "skipped";
  try {
    await runEffect(channels, claimed);
  } catch (error) {
    const dead = attempts >= OUTBOX_MAX_ATTEMPTS;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.warn("outbox delivery failed", {
      tenantId: key.tenantId,
      outboxId: key.id,
      channel: message.effect.channel,
      attempts,
      dead,
      reason,
    });
    const next: OutboxMessage = {
      ...claimed,
      status: dead ? "dead" : "pending",
      lastError: reason,
    };
    await replace(store, next, attempts);
    return dead ? "dead" : "failed";
  }
  await replace(
    store,
    {
      ...claimed,
      status: "delivered",
      effect: redacted(claimed.effect),
      deliveredAt: now.toISOString(),
    },
    attempts,
  );
  return "delivered";
}
