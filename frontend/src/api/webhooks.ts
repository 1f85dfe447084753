import { webhooksContract } from "../../../shared/contracts/webhooks.ts";
import type {
  EndpointCreateInput,
  EndpointUpdateInput,
  EndpointView,
} from "../../../shared/webhooks/endpoint.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

/** Query keys of webhook endpoints; `all` is the common prefix, for invalidation. */
export const webhookKeys = {
  all: () => ["webhooks"] as const,
  endpoints: () => [...webhookKeys.all(), "endpoints"] as const,
  deliveries: (id: string) => [...webhookKeys.all(), "deliveries", id] as const,
  attempts: (id: string) => [...webhookKeys.all(), "attempts", id] as const,
};

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export function listEndpoints(client: HttpClient, cursor?: string, signal?: AbortSignal) {
  return callRoute(client, webhooksContract.listEndpoints, {
    query: { cursor },
    ...signalOf(signal),
  });
}

export function createEndpoint(client: HttpClient, body: EndpointCreateInput, key: string) {
  return callRoute(client, webhooksContract.createEndpoint, {
    body,
    headers: { "Idempotency-Key": key },
  });
}

export function updateEndpoint(
  client: HttpClient,
  endpoint: Pick<EndpointView, "id" | "version">,
  body: EndpointUpdateInput,
) {
  return callRoute(client, webhooksContract.updateEndpoint, {
    params: { id: endpoint.id },
    body,
    headers: { "If-Match": `"${endpoint.version}"` },
  });
}

export function deleteEndpoint(client: HttpClient, id: string) {
  return callRoute(client, webhooksContract.deleteEndpoint, { params: { id } });
}

export function rotateSecret(client: HttpClient, id: string) {
  return callRoute(client, webhooksContract.rotateSecret, { params: { id } });
}

export function listDeliveries(
  client: HttpClient,
  id: string,
  cursor?: string,
  signal?: AbortSignal,
) {
  return callRoute(client, webhooksContract.listDeliveries, {
    params: { id },
    query: { cursor },
    ...signalOf(signal),
  });
}

export function listAttempts(
  client: HttpClient,
  id: string,
  cursor?: string,
  signal?: AbortSignal,
) {
  return callRoute(client, webhooksContract.listAttempts, {
    params: { id },
    query: { cursor },
    ...signalOf(signal),
  });
}

export function replayDelivery(client: HttpClient, id: string, deliveryId: string) {
  return callRoute(client, webhooksContract.replayDelivery, { params: { id, deliveryId } });
}

export function replayFailed(client: HttpClient, id: string, since: string) {
  return callRoute(client, webhooksContract.replayFailed, { params: { id }, body: { since } });
}
