import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Tenant } from "../../../../shared/tenancy/tenant.ts";
import { key, tenantPartition } from "./key.ts";

const pending = (attrs: { status?: string }) => attrs.status === "pending";

/**
 * A tenant. Pending enterprise sign-ups sit in the approval queues of their district and of
 * their industry department; every tenant is listed by kind for the city admin.
 * Government tenants carry empty district/street/industry.
 */
export const tenantEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "tenant", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        kind: { type: "string", required: true },
        status: { type: "string", required: true },
        district: { type: "string", required: true },
        street: { type: "string", required: true },
        industry: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<Tenant>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "TENANT", []) },
        signupsByDistrict: {
          index: "gsi1",
          condition: pending,
          pk: key("gsi1pk", "TSD#${district}", ["district"]),
          sk: key("gsi1sk", "${street}#${industry}#${tenantId}", [
            "street",
            "industry",
            "tenantId",
          ]),
        },
        signupsByIndustry: {
          index: "gsi2",
          condition: pending,
          pk: key("gsi2pk", "TSI#${industry}", ["industry"]),
          sk: key("gsi2sk", "${district}#${street}#${tenantId}", [
            "district",
            "street",
            "tenantId",
          ]),
        },
        byKind: {
          index: "gsi3",
          pk: key("gsi3pk", "TK#${kind}", ["kind"]),
          sk: key("gsi3sk", "${tenantId}", ["tenantId"]),
        },
      },
    },
    config,
  );
