import { encodeTime } from "ulidx";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Page } from "../../shared/tenancy/views.ts";
import {
  type AttemptLog,
  type Delivery,
  type DeliveryStatus,
  replayed,
} from "../../shared/webhooks/delivery.ts";
import { DELIVERY_SHARDS } from "../adapters/dynamodb/entities/webhook.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { auditStep, type WriteStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { keptEndpoint, WebhookNotFoundError } from "./endpoints.ts";

const dueAtOf = (delivery: Delivery) =>
  delivery.status === "pending" ? delivery.nextAttemptAt : "";

const shardOfDelivery = (delivery: Delivery) =>
  shardOf(`${delivery.endpointId}#${delivery.id}`, DELIVERY_SHARDS);

/** The new item of a delivery and the body its attempts send: due at once. */
export function deliveryItem(delivery: Delivery, body: string) {
  return {
    tenantId: delivery.tenantId,
    endpointId: delivery.endpointId,
    id: delivery.id,
    shard: shardOfDelivery(delivery),
    body,
    dueAt: dueAtOf(delivery),
    version: delivery.version,
    record: delivery,
  };
}

/** The write of a delivery's next state, refused if another worker changed it since `before`. */
export function deliveryStep(before: Delivery, after: Delivery): WriteStep {
  return {
    action: (tx) =>
      tx.webhookDelivery
        .patch({ tenantId: after.tenantId, endpointId: after.endpointId, id: after.id })
        .set({ dueAt: dueAtOf(after), version: after.version, record: after })
        // The due index's key is rebuilt on every change, so it needs every part of it.
        .composite({ shard: shardOfDelivery(after) })
        .where(({ version }, { eq }) => eq(version, before.version))
        .commit(),
  };
}

export async function listDeliveries(
  store: Store,
  scope: Scope,
  endpointId: string,
  query: { status?: DeliveryStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<Delivery>> {
  const endpoint = await keptEndpoint(store, scope, endpointId);
  const result = await store.entities.webhookDelivery.query
    .byEndpoint({ tenantId: endpoint.tenantId, endpointId: endpoint.id })
    .go({ order: "desc", cursor: query.cursor ?? null, limit: query.limit });
  const items = result.data.map((d) => d.record);
  return {
    items: query.status ? items.filter((d) => d.status === query.status) : items,
    nextCursor: result.cursor ?? null,
  };
}

export async function listAttempts(
  store: Store,
  scope: Scope,
  endpointId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<AttemptLog>> {
  const endpoint = await keptEndpoint(store, scope, endpointId);
  const result = await store.entities.webhookAttempt.query
    .byEndpoint({ tenantId: endpoint.tenantId, endpointId: endpoint.id })
    .go({ order: "desc", cursor: query.cursor ?? null, limit: query.limit });
  return { items: result.data.map((d) => d.record), nextCursor: result.cursor ?? null };
}

function replayAudit(
  caller: Caller,
  tenantId: string,
  endpointId: string,
  after: unknown,
  now: Date,
) {
  return auditStep(
    auditRecord(
      caller,
      {
        tenantId,
        action: "webhookEndpoint.replay",
        target: { type: "webhookEndpoint", id: endpointId },
        after,
      },
      now,
    ),
  );
}

/** Makes one delivery due again at once, with a fresh retry schedule and the same webhook-id. */
export async function replayDelivery(
  store: Store,
  caller: Caller,
  scope: Scope,
  endpointId: string,
  deliveryId: string,
  now = new Date(),
): Promise<Delivery> {
  const endpoint = await keptEndpoint(store, scope, endpointId);
  const { data } = await store.entities.webhookDelivery
    .get({ tenantId: endpoint.tenantId, endpointId: endpoint.id, id: deliveryId })
    .go({ consistent: true });
  if (!data) throw new WebhookNotFoundError({ zh: "投递记录不存在", en: "No such delivery" });
  const again = replayed(data.record, now);
  await writeTogether(store, [
    deliveryStep(data.record, again),
    replayAudit(caller, endpoint.tenantId, endpoint.id, { deliveryIds: [deliveryId] }, now),
  ]);
  return again;
}

/** Above every ULID (Crockford base32 tops out at Z). */
const LAST_ULID = "Z".repeat(26);

/** Most deliveries one replay request makes due again; the caller repeats with a later `since`. */
const REPLAY_LIMIT = 1000;
/** Deliveries per unit of work (DynamoDB takes 100 actions; one is the audit record). */
const REPLAY_CHUNK = 50;

/**
 * Makes every failed delivery of an endpoint whose event happened since `since` due again.
 * Deliveries are keyed by their event's ULID, so the query starts at `since` itself.
 */
export async function replayFailed(
  store: Store,
  caller: Caller,
  scope: Scope,
  endpointId: string,
  since: Date,
  now = new Date(),
): Promise<number> {
  const endpoint = await keptEndpoint(store, scope, endpointId);
  const failed: Delivery[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { record: Delivery }[]; cursor: string | null } =
      await store.entities.webhookDelivery.query
        .byEndpoint({ tenantId: endpoint.tenantId, endpointId: endpoint.id })
        // Bounded above too: `gte` alone would run on into the next endpoints' deliveries.
        .between({ id: encodeTime(since.getTime(), 10) }, { id: LAST_ULID })
        .go({ cursor, limit: 500 });
    failed.push(
      ...page.data
        .map((d) => d.record)
        .filter((d) => d.endpointId === endpoint.id && d.status === "failed"),
    );
    cursor = page.cursor;
  } while (cursor && failed.length < REPLAY_LIMIT);
  const chosen = failed.slice(0, REPLAY_LIMIT);
  for (let i = 0; i < chosen.length; i += REPLAY_CHUNK) {
    const chunk = chosen.slice(i, i + REPLAY_CHUNK);
    await writeTogether(store, [
      ...chunk.map((d) => deliveryStep(d, replayed(d, now))),
      replayAudit(
        caller,
        endpoint.tenantId,
        endpoint.id,
        { since: since.toISOString(), deliveryIds: chunk.map((d) => d.id) },
        now,
      ),
    ]);
  }
  return chosen.length;
}
