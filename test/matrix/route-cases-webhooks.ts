import { matrixEndpoint, storedEndpoint } from "../support/matrix-webhook-fixtures.ts";
import type { CaseRequest, RouteCase } from "./route-case.ts";
import { enc } from "./route-case.ts";

/** Matrix cases of webhook endpoints (issue 11 item 7): an endpoint is its own tenant's only. */

const ownTenant = (relation: string) => relation === "ownTenant";

/** A case on a fresh endpoint of the owner, addressed by its id. */
function endpointCase(
  success: number,
  request: (id: string, deliveryId: string) => Omit<CaseRequest, "path"> & { path?: string },
  suffix = "",
): RouteCase {
  return {
    shape: "item",
    success,
    reaches: ownTenant,
    prepare: async ({ fx, owner }) => {
      const { endpoint, deliveryId } = await matrixEndpoint(fx.store, owner);
      return {
        id: endpoint.id,
        request: (id = endpoint.id) => {
          const { path, ...rest } = request(id, deliveryId);
          return { path: path ?? `/api/v1/webhook-endpoints/${enc(id)}${suffix}`, ...rest };
        },
        stored: () => storedEndpoint(fx.store, endpoint),
      };
    },
  };
}

export const webhookCases: Readonly<Record<string, RouteCase>> = {
  "GET /api/v1/webhook-endpoints": {
    shape: "list",
    success: 200,
    reaches: ownTenant,
    prepare: async ({ fx, owner }) => {
      const { endpoint } = await matrixEndpoint(fx.store, owner);
      return { id: endpoint.id, request: () => ({ path: "/api/v1/webhook-endpoints?limit=200" }) };
    },
  },
  "POST /api/v1/webhook-endpoints": {
    shape: "self",
    success: 201,
    prepare: async () => ({
      request: () => ({
        path: "/api/v1/webhook-endpoints",
        body: { url: "http://127.0.0.1:9/matrix", eventTypes: ["warning.raised"] },
      }),
    }),
  },
  "GET /api/v1/webhook-endpoints/{id}": endpointCase(200, () => ({})),
  "PATCH /api/v1/webhook-endpoints/{id}": endpointCase(200, () => ({
    body: { status: "disabled" },
    headers: { "if-match": '"1"' },
  })),
  "DELETE /api/v1/webhook-endpoints/{id}": endpointCase(204, () => ({})),
  "POST /api/v1/webhook-endpoints/{id}/rotate-secret": endpointCase(
    200,
    () => ({}),
    "/rotate-secret",
  ),
  "GET /api/v1/webhook-endpoints/{id}/deliveries": endpointCase(200, () => ({}), "/deliveries"),
  "GET /api/v1/webhook-endpoints/{id}/attempts": endpointCase(200, () => ({}), "/attempts"),
  "POST /api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay": endpointCase(
    202,
    (id, deliveryId) => ({
      path: `/api/v1/webhook-endpoints/${enc(id)}/deliveries/${enc(deliveryId)}/replay`,
    }),
  ),
  "POST /api/v1/webhook-endpoints/{id}/replay": endpointCase(
    202,
    () => ({ body: { since: "2020-01-01T00:00:00.000Z" } }),
    "/replay",
  ),
};
