import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Enterprise } from "../../../../shared/risk/enterprise.ts";
import { key, tenantPartition } from "./key.ts";

/** An enterprise's profile: one per enterprise tenant, listed by district and by industry. */
export const enterpriseEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "enterprise", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        district: { type: "string", required: true },
        street: { type: "string", required: true },
        industry: { type: "string", required: true },
        shard: { type: "number", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<Enterprise>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "ENTERPRISE", []) },
        byDistrict: {
          index: "gsi1",
          pk: key("gsi1pk", "ED#${district}#${shard}", ["district", "shard"]),
          sk: key("gsi1sk", "${street}#${industry}#${tenantId}", [
            "street",
            "industry",
            "tenantId",
          ]),
        },
        byIndustry: {
          index: "gsi2",
          pk: key("gsi2pk", "EI#${industry}#${shard}", ["industry", "shard"]),
          sk: key("gsi2sk", "${district}#${street}#${tenantId}", [
            "district",
            "street",
            "tenantId",
          ]),
        },
      },
    },
    config,
  );
