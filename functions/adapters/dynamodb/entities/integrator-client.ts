import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { IntegratorClient } from "../../../../shared/tenancy/integrator-client.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * An integrator's registration, in the partition of the tenant it acts for; found by client id
 * by the API's authorizer (one query per token it has not cached) and listed for the city admin.
 */
export const integratorClientEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "integratorClient", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        clientId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<IntegratorClient>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "IC#${clientId}", ["clientId"]) },
        byClient: {
          index: "gsi1",
          pk: key("gsi1pk", "IC#${clientId}", ["clientId"]),
          sk: key("gsi1sk", "IC", []),
        },
        all: {
          index: "gsi2",
          pk: key("gsi2pk", "ICS", []),
          sk: key("gsi2sk", "${tenantId}#${clientId}", ["tenantId", "clientId"]),
        },
      },
    },
    config,
  );
