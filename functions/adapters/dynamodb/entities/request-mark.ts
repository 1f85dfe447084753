import { Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import { key, tenantPartition } from "./key.ts";

/**
 * That a request (tenant, route, Idempotency-Key) already made its change, and what it created:
 * written in the change's own transaction, so a re-run after an interrupted request finds it and
 * answers the first outcome instead of writing again. DynamoDB drops it after a day (TTL), with
 * the idempotency record.
 */
export const requestMarkEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "requestMark", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        request: { type: "string", required: true, readOnly: true },
        resultId: { type: "string", required: true },
        expiresAt: { type: "number", required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "REQ#${request}", ["request"]) },
      },
    },
    config,
  );
