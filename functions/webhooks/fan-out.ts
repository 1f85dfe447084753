import type { Context } from "aws-lambda";
import * as z from "zod";
import { type EventEnvelope, EventEnvelopeSchema } from "../../events/envelope.ts";
import { type Delivery, newDelivery } from "../../shared/webhooks/delivery.ts";
import type { WebhookEndpoint } from "../../shared/webhooks/endpoint.ts";
import { endpointReceives } from "../../shared/webhooks/endpoint-reach.ts";
import { WEBHOOK_RETRY_DELAYS_MS } from "../../shared/webhooks/retry-schedule.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether } from "../platform/data/unit-of-work.ts";
import { invocationMemo } from "../platform/handlers/invocation-memo.ts";
import { logger } from "../platform/powertools.ts";
import { governmentsCovering } from "../tenancy/governments-covering.ts";
import { type AttemptDeps, attemptDelivery } from "./attempt.ts";
import { deliveryItem } from "./deliveries.ts";

/**
 * The product event of one `webhooks` queue record: the queue subscribes to the `events` topic
 * without raw delivery, so the body is the SNS notification whose `Message` is the envelope.
 */
export function eventOf(body: string): EventEnvelope {
  const parsed: unknown = JSON.parse(body);
  const notification = z
    .object({ Type: z.literal("Notification"), Message: z.string() })
    .safeParse(parsed);
  return EventEnvelopeSchema.parse(
    notification.success ? JSON.parse(notification.data.Message) : parsed,
  );
}

/**
 * Every enabled endpoint whose types, reach and filters take the event, read from the partitions
 * of the tenants that can own one: the subject's tenant (an enterprise's endpoints receive its
 * own events) and the active government tenants covering the subject's place (a platform's reach
 * lies within its tenant's jurisdiction). A few queries an event, however many endpoints the
 * city's tenants keep.
 */
export async function endpointsFor(
  store: Store,
  event: EventEnvelope,
  invocation?: Context,
): Promise<WebhookEndpoint[]> {
  const { tenantId, district, street, industry } = event.subject;
  const covering =
    district && industry
      ? await governmentsCovering(store, { district, street: street ?? "", industry })
      : [];
  const owners = new Set([tenantId, ...covering.map((t) => t.id)]);
  const lists = await Promise.all(
    [...owners].map((owner) =>
      ownedEndpoints(invocation, owner, () => endpointsOwnedBy(store, owner)),
    ),
  );
  return lists.flat().filter((e) => e.status === "enabled" && endpointReceives(e, event));
}

/** The records of one invocation read each owner's endpoints once (its events share owners). */
const ownedEndpoints = invocationMemo<WebhookEndpoint[]>();

async function endpointsOwnedBy(store: Store, tenantId: string): Promise<WebhookEndpoint[]> {
  const { data } = await store.entities.webhookEndpoint.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.map((d) => d.record);
}

/**
 * The schedule's second try (5 s) is waited for in the consumer rather than left to the minute's
 * sweep, which would make it up to a minute late; anything later is the sweep's. The wait runs
 * beside the batch's next records, not before them (`retries` below).
 */
const IN_PROCESS_RETRY_MS = WEBHOOK_RETRY_DELAYS_MS[1] ?? 5_000;

export interface FanOutDeps extends AttemptDeps {
  wait: (ms: number) => Promise<void>;
}

function retrySoon(delivery: Delivery | undefined, now: Date): number | undefined {
  if (delivery?.status !== "pending" || delivery.nextAttemptAt === "") return undefined;
  const ms = Date.parse(delivery.nextAttemptAt) - now.getTime();
  return ms <= IN_PROCESS_RETRY_MS ? Math.max(0, ms) : undefined;
}

/** What one event's fan-out did: the endpoints it reached, and its second tries still running. */
export interface FanOut {
  endpoints: number;
  /** Settles when every 5 s retry has been made, or left to the sweep; never rejects. */
  retries: Promise<void>;
}

/**
 * Makes one delivery per matching endpoint and tries each at once. A delivery is created only if
 * none exists for (endpoint, event), so an event the outbox or SQS brings twice is sent once;
 * whatever is not delivered now stays due in the table, where the retry sweep finds it even if
 * this invocation dies — which is also why a second try that fails to write is only logged.
 */
export async function fanOut(
  deps: FanOutDeps,
  event: EventEnvelope,
  invocation?: Context,
): Promise<FanOut> {
  const endpoints = await endpointsFor(deps.store, event, invocation);
  const body = JSON.stringify(event);
  const retries: Promise<void>[] = [];
  await Promise.all(
    endpoints.map(async (endpoint) => {
      const delivery = newDelivery(endpoint.tenantId, endpoint.id, event, deps.now());
      // A refused create means the delivery exists already: it is attempted below only if due.
      await attemptTogether(deps.store, [
        { action: (tx) => tx.webhookDelivery.create(deliveryItem(delivery, body)).commit() },
      ]);
      const key = { tenantId: endpoint.tenantId, endpointId: endpoint.id, id: event.id };
      const after = await attemptDelivery(deps, key);
      const soon = retrySoon(after, deps.now());
      if (soon === undefined) return;
      retries.push(
        deps
          .wait(soon)
          .then(() => attemptDelivery(deps, key))
          .then(
            () => undefined,
            (error: unknown) =>
              logger.warn("second webhook attempt left to the retry sweep", {
                endpointId: endpoint.id,
                eventId: event.id,
                error: error as Error,
              }),
          ),
      );
    }),
  );
  return { endpoints: endpoints.length, retries: Promise.all(retries).then(() => undefined) };
}
