import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { User } from "../../../../shared/tenancy/user.ts";
import { key, tenantPartition } from "./key.ts";

/** A user of a tenant (credentials live in the identity provider, not here). */
export const userEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "user", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        userId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<User>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "USER#${userId}", ["userId"]) },
      },
    },
    config,
  );
