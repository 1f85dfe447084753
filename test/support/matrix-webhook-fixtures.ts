import { ulid } from "ulidx";
import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import type { WebhookEndpoint } from "../../shared/webhooks/endpoint.ts";
import type { Owner } from "./matrix-owners.ts";

/**
 * Webhook fixtures of the matrix, written straight to the table: an owner's endpoint (its own
 * tenant's reach) with one failed delivery. Item modules load once the stack runs. The endpoint
 * takes `review.overdue`, which only the daily review-due pass raises: subscribed to
 * `warning.raised`, it got real deliveries whenever another cell raised a warning in the same
 * tenant meanwhile, and a refused request's target looked changed.
 */
const QUIET_EVENT = "review.overdue";

export async function matrixEndpoint(store: Store, owner: Owner) {
  const { endpointItem } = await import("../../functions/webhooks/endpoints.ts");
  const { deliveryItem } = await import("../../functions/webhooks/deliveries.ts");
  const { newDelivery } = await import("../../shared/webhooks/delivery.ts");
  const now = new Date();
  const at = now.toISOString();
  const endpoint: WebhookEndpoint = {
    tenantId: owner.tenantId,
    id: `${owner.tenantId}~${ulid()}`,
    url: "http://127.0.0.1:9/matrix",
    eventTypes: [QUIET_EVENT],
    reach: { kind: "tenant", tenantId: owner.tenantId },
    status: "enabled",
    secrets: [{ secret: `whsec_${Buffer.from("m".repeat(24)).toString("base64")}` }],
    createdBy: "matrix",
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await store.entities.webhookEndpoint.create(endpointItem(endpoint)).go();
  const event = { id: ulid(), type: QUIET_EVENT, occurredAt: at };
  const delivery = {
    ...newDelivery(owner.tenantId, endpoint.id, event, now),
    status: "failed" as const,
    nextAttemptAt: "",
  };
  await store.entities.webhookDelivery.create(deliveryItem(delivery, "{}")).go();
  return { endpoint, deliveryId: event.id };
}

/** The stored endpoint and its deliveries: what a refused request must leave as it was. */
export async function storedEndpoint(store: Store, endpoint: WebhookEndpoint) {
  const { data } = await store.entities.webhookEndpoint
    .get({ tenantId: endpoint.tenantId, id: endpoint.id })
    .go();
  const deliveries = await store.entities.webhookDelivery.query
    .byEndpoint({ tenantId: endpoint.tenantId, endpointId: endpoint.id })
    .go({ pages: "all" });
  return { endpoint: data?.record, deliveries: deliveries.data.map((d) => d.record) };
}
