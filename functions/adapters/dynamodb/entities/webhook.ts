import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { AttemptLog, Delivery } from "../../../../shared/webhooks/delivery.ts";
import type { WebhookEndpoint } from "../../../../shared/webhooks/endpoint.ts";
import { key, tenantPartition } from "./key.ts";

/** Partitions of the due-deliveries index, so a busy minute of retries has no hot key. */
export const DELIVERY_SHARDS = 4;

/**
 * A webhook endpoint (接收地址) in its owner's partition. The delivery function finds an event's
 * endpoints by owner — the subject's tenant and the government tenants covering its place — so
 * no index holds every endpoint of the city.
 */
export const webhookEndpointEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "webhookEndpoint", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<WebhookEndpoint>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "WH#${id}", ["id"]) },
      },
    },
    config,
  );

/**
 * One event's delivery to one endpoint, keyed by (endpoint, event id): a repeated event (the
 * outbox or SQS delivering twice) finds it and makes no second one. Pending deliveries carry
 * `dueAt` and sit in the sparse `due` index the retry sweep reads; `seq` orders an endpoint's
 * deliveries by event time (its ULID id).
 */
export const webhookDeliveryEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "webhookDelivery", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        endpointId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        shard: { type: "number", required: true, readOnly: true },
        /** The envelope as sent: the exact bytes every attempt signs and posts. */
        body: { type: "string", required: true, readOnly: true },
        /** Empty when nothing is due. */
        dueAt: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<Delivery>("any"), required: true },
      },
      indexes: {
        byEndpoint: {
          pk: tenantPartition,
          sk: key("sk", "WHD#${endpointId}#${id}", ["endpointId", "id"]),
        },
        due: {
          index: "gsi3",
          condition: (attrs) => attrs.dueAt !== "",
          pk: key("gsi3pk", "WHR#${shard}", ["shard"]),
          sk: key("gsi3sk", "${dueAt}#${tenantId}#${endpointId}#${id}", [
            "dueAt",
            "tenantId",
            "endpointId",
            "id",
          ]),
        },
      },
    },
    config,
  );

/** One attempt of the delivery log, newest last by its ULID; kept 30 days. */
export const webhookAttemptEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "webhookAttempt", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        endpointId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        record: { type: CustomAttributeType<AttemptLog>("any"), required: true },
        expiresAt: { type: "number" },
      },
      indexes: {
        byEndpoint: {
          pk: tenantPartition,
          sk: key("sk", "WHA#${endpointId}#${id}", ["endpointId", "id"]),
        },
      },
    },
    config,
  );
