import { routeKey } from "../../shared/contracts/route.ts";
import { webhooksContract } from "../../shared/contracts/webhooks.ts";
import { endpointView } from "../../shared/webhooks/endpoint.ts";
import { storeForScope } from "../platform/data/request-store.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { listAttempts, listDeliveries, replayDelivery, replayFailed } from "./deliveries.ts";
import {
  createEndpoint,
  deleteEndpoint,
  keptEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from "./endpoints.ts";
import { webhooksApi } from "./manifest.ts";

export const handler = httpHandler(
  webhooksApi,
  implement(webhooksContract, {
    listEndpoints: async ({ scope, query }) => ({
      body: await listEndpoints(storeForScope(scope), scope, query.cursor, query.limit),
    }),
    createEndpoint: async ({ caller, scope, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(webhooksContract.createEndpoint),
          headers,
          body,
        },
        async (requestId?: string) => {
          const created = await createEndpoint(
            storeForScope(scope),
            caller,
            scope,
            body,
            requestId === undefined ? undefined : { tenantId: scope.tenantId, request: requestId },
          );
          return { status: 201, body: created, headers: { etag: etagOf(created.version) } };
        },
      ),
    getEndpoint: async ({ scope, params }) => {
      const endpoint = await keptEndpoint(storeForScope(scope), scope, params.id);
      return {
        body: endpointView(endpoint, new Date()),
        headers: { etag: etagOf(endpoint.version) },
      };
    },
    updateEndpoint: async ({ caller, scope, params, body, headers }) => {
      const changed = await updateEndpoint(
        storeForScope(scope),
        caller,
        scope,
        params.id,
        body,
        expectedVersion(headers),
      );
      return { body: changed, headers: { etag: etagOf(changed.version) } };
    },
    deleteEndpoint: async ({ caller, scope, params }) => {
      await deleteEndpoint(storeForScope(scope), caller, scope, params.id);
      return { status: 204 };
    },
    rotateSecret: async ({ caller, scope, params }) => {
      const rotated = await rotateSecret(storeForScope(scope), caller, scope, params.id);
      return { body: rotated, headers: { etag: etagOf(rotated.version) } };
    },
    listDeliveries: async ({ scope, params, query }) => ({
      body: await listDeliveries(storeForScope(scope), scope, params.id, query),
    }),
    listAttempts: async ({ scope, params, query }) => ({
      body: await listAttempts(storeForScope(scope), scope, params.id, query),
    }),
    replayDelivery: async ({ caller, scope, params }) => ({
      status: 202,
      body: await replayDelivery(storeForScope(scope), caller, scope, params.id, params.deliveryId),
    }),
    replayFailed: async ({ caller, scope, params, body }) => ({
      status: 202,
      body: {
        replayed: await replayFailed(
          storeForScope(scope),
          caller,
          scope,
          params.id,
          new Date(body.since),
        ),
      },
    }),
  }),
);
