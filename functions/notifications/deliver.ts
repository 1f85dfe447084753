import { ConflictError } from "../../shared/errors.ts";
import type { Level } from "../../shared/methodology/levels.ts";
import {
  beijingDay,
  decideDelivery,
  rateWindow,
  sendLimits,
} from "../../shared/notifications/delivery-decision.ts";
import { type Notice, noticeLine } from "../../shared/notifications/notice.ts";
import type { SendingChannel } from "../../shared/notifications/preferences.ts";
import type { Recipient } from "../../shared/notifications/recipients.ts";
import { RecipientRefusedError } from "../../shared/notifications/sms-port.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import { logger } from "../platform/powertools.ts";
import { preferencesOf } from "./preferences.ts";

type Language = "zh" | "en";

/** One channel's sending side: how to address a recipient and what to send. */
export interface ChannelPort {
  channel: SendingChannel;
  /** The recipient's address on this channel, or undefined when they have none. */
  addressOf(recipient: Recipient): string | undefined;
  /** Sends one notice; answers the provider's message id. `reference` is stable per delivery. */
  send(notice: Notice, address: string, language: Language, reference: string): Promise<string>;
  /** Sends a digest of folded notices. */
  sendDigest(
    address: string,
    language: Language,
    lines: readonly string[],
    total: number,
    reference: string,
  ): Promise<void>;
}

export type DeliveryOutcome =
  | "sent"
  | "duplicate"
  | "muted"
  | "held"
  | "folded"
  | "no-address"
  /** The provider will never deliver to the address (`RecipientRefusedError`). */
  | "refused";

/** How long a claimed delivery is left to its worker before a redelivery may take it over. */
export const DELIVERY_LEASE_SECONDS = 30;
const KEEP_SECONDS = 30 * 24 * 3600;
/** Lines a digest lists; beyond them it only counts. */
const DIGEST_LINES = 30;

/** A delivery another worker claimed and may still be sending: retry the record later. */
export class DeliveryInFlightError extends Error {
  override readonly name = "DeliveryInFlightError";
}

interface Key {
  tenantId: string;
  eventId: string;
  userId: string;
  channel: string;
}

/** The delivery's reference: the provider's out-id / Message-ID, the same on every attempt. */
export function deliveryReference(key: Key): string {
  return `${key.eventId}.${key.userId}.${key.channel}`;
}

function claimStep(
  key: Key,
  existing: { version: number } | null | undefined,
  status: string,
  now: Date,
): WriteStep {
  const fields = {
    status,
    leaseUntil: new Date(now.getTime() + DELIVERY_LEASE_SECONDS * 1000).toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
  };
  if (!existing) {
    return {
      action: (tx) => tx.notificationDelivery.create({ ...key, ...fields, version: 1 }).commit(),
    };
  }
  const expected = existing.version;
  return {
    action: (tx) =>
      tx.notificationDelivery
        .patch(key)
        .set({ ...fields, version: expected + 1 })
        .where(({ version }, { eq }) => eq(version, expected))
        .commit(),
  };
}

/**
 * Stands in for the tenant in the key of a number's daily SMS counter (`T#sms-number:<number>`):
 * the provider caps the number whichever tenants registered it, so one count serves them all,
 * and the counter entity's partition is a tenant's. Each number is a partition of its own, one
 * item per Beijing day (TTL drops past days), rather than one partition every text in the city
 * would write to. Tenant ids are `t-<ulid>`, so the prefix names no tenant.
 */
export const SMS_NUMBER_COUNTER_PREFIX = "sms-number:";

/** The key of a number's daily SMS counter: the number alone, not its recipient's tenant. */
export function numberCounterKey(address: string): { tenantId: string; userId: string } {
  return { tenantId: `${SMS_NUMBER_COUNTER_PREFIX}${address}`, userId: `tel:${address}` };
}

/**
 * A fixed-window counter's increment, refused once the window holds `limit`; with no limit it
 * is only counted (red against the hourly limit).
 */
function counterStep(
  tenantId: string,
  userId: string,
  channel: string,
  window: number,
  limit: number | undefined,
  endsAt: Date,
): WriteStep {
  return {
    action: (tx) => {
      const increment = tx.notificationCounter
        .update({ tenantId, userId, channel, window })
        .add({ sent: 1 })
        .set({ expiresAt: Math.floor(endsAt.getTime() / 1000) + 3600 });
      if (limit === undefined) return increment.commit();
      return increment
        .where(({ sent }, { notExists, lt }) => `${notExists(sent)} OR ${lt(sent, limit)}`)
        .commit();
    },
  };
}

/**
 * The limits a send counts against, with when each frees up again. The level sets how far each
 * may go (`sendLimits`): red passes the hourly limit and may use the number's whole daily cap.
 */
function limitSteps(port: ChannelPort, r: Recipient, address: string, level: Level, now: Date) {
  const allowed = sendLimits(port.channel, level);
  const window = rateWindow(port.channel, now);
  const limits = [
    {
      step: counterStep(
        r.tenantId,
        r.userId,
        port.channel,
        window.start,
        allowed.window,
        window.endsAt,
      ),
      endsAt: window.endsAt,
    },
  ];
  if (port.channel === "sms") {
    const day = beijingDay(now);
    const number = numberCounterKey(address);
    limits.push({
      // The number's own counter: everyone sharing a mobile, in any tenant, shares its cap.
      step: counterStep(
        number.tenantId,
        number.userId,
        "sms-day",
        day.day,
        allowed.numberDay,
        day.endsAt,
      ),
      endsAt: day.endsAt,
    });
  }
  return limits;
}

async function foldStep(
  store: Store,
  r: Recipient,
  port: ChannelPort,
  address: string,
  language: Language,
  line: string,
  dueAt: Date,
): Promise<WriteStep> {
  const key = { tenantId: r.tenantId, userId: r.userId, channel: port.channel };
  const { data } = await store.entities.notificationDigest.get(key).go({ consistent: true });
  if (!data) {
    const item = {
      ...key,
      dueAt: dueAt.toISOString(),
      to: address,
      language,
      total: 1,
      lines: [line],
      version: 1,
    };
    return { action: (tx) => tx.notificationDigest.create(item).commit() };
  }
  // The earliest due time wins: a digest already waiting goes out when it was going to.
  const due = new Date(Math.min(Date.parse(data.dueAt), dueAt.getTime())).toISOString();
  const lines = data.lines.length < DIGEST_LINES ? [...data.lines, line] : data.lines;
  return {
    action: (tx) =>
      tx.notificationDigest
        .patch(key)
        .set({
          dueAt: due,
          to: address,
          language,
          lines,
          total: data.total + 1,
          version: data.version + 1,
        })
        .where(({ version }, { eq }) => eq(version, data.version))
        .commit(),
  };
}

const SETTLED = new Set(["sent", "muted", "held", "folded", "refused"]);

/** Attempts at the claim when other deliveries to the same recipient change its items meanwhile. */
const CONTENDED_ATTEMPTS = 6;

/**
 * The digest or a counter this claim counted on was changed by another delivery to the same
 * recipient between the read and the write: nothing was written, and the claim starts again.
 */
class ContendedClaim extends Error {
  override readonly name = "ContendedClaim";
}

/** A short random pause, longer each attempt, so two contenders do not meet again at once. */
function contentionPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
}

type Claim =
  | { kind: "settled"; outcome: DeliveryOutcome }
  | { kind: "sending"; version: number; language: Language };

/**
 * Decides and records what happens to the delivery before anything is sent: settled without a
 * send (a duplicate, muted, held, or folded into the digest by a rate limit), or claimed for
 * sending with the rate counters taken in the same unit of work.
 */
async function claimDelivery(
  store: Store,
  port: ChannelPort,
  notice: Notice,
  recipient: Recipient,
  address: string,
  key: Key,
  now: Date,
): Promise<Claim> {
  const settled = (outcome: DeliveryOutcome): Claim => ({ kind: "settled", outcome });
  const { data: existing } = await store.entities.notificationDelivery
    .get(key)
    .go({ consistent: true });
  if (existing && SETTLED.has(existing.status)) return settled("duplicate");
  if (existing?.status === "sending" && existing.leaseUntil > now.toISOString()) {
    throw new DeliveryInFlightError(`${deliveryReference(key)} is being sent`);
  }
  const { preferences } = await preferencesOf(store, recipient.tenantId, recipient.userId);
  const language = preferences.language;
  const decision = decideDelivery(preferences, notice.level, port.channel, now);
  if (decision.kind === "muted") {
    const outcome = await attemptTogether(store, [claimStep(key, existing, "muted", now)]);
    return settled(outcome.committed ? "muted" : "duplicate");
  }
  const line = noticeLine(notice, language);
  // A digest that moved meanwhile is read again and the fold alone tried again: the decision
  // to fold still holds. A delivery another worker took meanwhile starts the claim over.
  const fold = async (status: "held" | "folded", dueAt: Date): Promise<Claim> => {
    for (let attempt = 1; attempt <= CONTENDED_ATTEMPTS; attempt++) {
      const outcome = await attemptTogether(store, [
        claimStep(key, existing, status, now),
        await foldStep(store, recipient, port, address, language, line, dueAt),
      ]);
      if (outcome.committed) return settled(status);
      if (outcome.failedSteps.includes(0)) throw new ContendedClaim("delivery claimed meanwhile");
      await contentionPause(attempt);
    }
    throw new ContendedClaim("digest changed meanwhile");
  };
  if (decision.kind === "hold") return fold("held", decision.until);
  const limits = limitSteps(port, recipient, address, notice.level, now);
  const claimed = await attemptTogether(store, [
    claimStep(key, existing, "sending", now),
    ...limits.map((l) => l.step),
  ]);
  if (claimed.committed)
    return { kind: "sending", version: (existing?.version ?? 0) + 1, language };
  if (claimed.failedSteps.includes(0)) throw new ContendedClaim("delivery claimed meanwhile");
  // Over a limit: into the digest, due when the first refusing window frees up. For red that
  // is only the number's daily cap, so its text waits for Beijing midnight; its e-mail is not
  // capped by the number and goes at once, and the escalation deadline runs regardless.
  const dueAt = limits
    .filter((_, i) => claimed.failedSteps.includes(i + 1))
    .map((l) => l.endsAt.getTime())
    .reduce((a, b) => Math.min(a, b));
  return fold("folded", new Date(dueAt));
}

/**
 * The claim, again from its reads while other deliveries to the same recipient keep changing
 * the items it writes (its digest, its counters, or the delivery itself when a redelivered copy
 * runs beside it): deliveries run side by side, and a warning burst sends many to one official.
 * Each attempt writes all or nothing, so trying again is safe; a short random pause keeps two
 * contenders from meeting again at once.
 */
async function claimWhileContended(claim: () => Promise<Claim>): Promise<Claim> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await claim();
    } catch (error) {
      const contended = error instanceof ContendedClaim || error instanceof ConflictError;
      if (!contended) throw error;
      if (attempt >= CONTENDED_ATTEMPTS) {
        throw new DeliveryInFlightError(`still contended after ${attempt} attempts`, {
          cause: error,
        });
      }
      await contentionPause(attempt);
    }
  }
}

/**
 * Delivers one notice to one recipient on one channel, at most once per (event, recipient,
 * channel) as far as the table can tell:
 * 1. a delivery item is claimed (created, or taken over when an earlier attempt failed or its
 *    lease ran out) in one unit of work with the rate counters — a redelivered message finds it
 *    settled and sends nothing;
 * 2. the provider is called;
 * 3. the item is marked sent.
 * Claim-before-send was chosen over send-then-record: a crash after the claim leaves a lease
 * that a redelivery takes over once it expires, so nothing is lost, and a text is duplicated
 * only when the process dies between the provider's acceptance and step 3 (one round trip; the
 * same `reference` then reaches the provider twice as Aliyun's OutId / SES's Message-ID). The
 * other order would duplicate on every crash after sending; recording first without a lease
 * would lose the message instead. For a red warning a rare duplicate beats a silence.
 */
export async function deliverOne(
  store: Store,
  port: ChannelPort,
  notice: Notice,
  recipient: Recipient,
  now: Date,
): Promise<DeliveryOutcome> {
  const address = port.addressOf(recipient);
  if (!address) return "no-address";
  const key: Key = {
    tenantId: recipient.tenantId,
    eventId: notice.eventId,
    userId: recipient.userId,
    channel: port.channel,
  };
  const claim = await claimWhileContended(() =>
    claimDelivery(store, port, notice, recipient, address, key, now),
  );
  if (claim.kind === "settled") return claim.outcome;
  const { version, language } = claim;
  let providerMessageId: string;
  try {
    providerMessageId = await port.send(notice, address, language, deliveryReference(key));
  } catch (error) {
    if (error instanceof RecipientRefusedError) {
      // Settled, not failed: a retry cannot reach the number, and a record failing for it would
      // hold back the event's other recipients' redeliveries and end in the DLQ.
      await attemptTogether(store, [settleStep(key, version, "refused", undefined, now)]);
      logger.warn("recipient refused by the provider", {
        channel: port.channel,
        userId: recipient.userId,
        reason: error.message,
      });
      return "refused";
    }
    // Released for the retry at once rather than after the lease (best effort: the lease
    // expiring does the same if this write fails too).
    await attemptTogether(store, [settleStep(key, version, "failed", undefined, now)]).catch(
      () => undefined,
    );
    throw error;
  }
  await attemptTogether(store, [settleStep(key, version, "sent", providerMessageId, now)]);
  return "sent";
}

function settleStep(
  key: Key,
  version: number,
  status: "sent" | "failed" | "refused",
  providerMessageId: string | undefined,
  now: Date,
): WriteStep {
  return {
    action: (tx) =>
      tx.notificationDelivery
        .patch(key)
        .set({
          status,
          version: version + 1,
          updatedAt: now.toISOString(),
          ...(providerMessageId ? { providerMessageId } : {}),
        })
        .where(({ version: v }, { eq }) => eq(v, version))
        .commit(),
  };
}
