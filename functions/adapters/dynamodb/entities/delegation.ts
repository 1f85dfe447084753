import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Delegation } from "../../../../shared/tenancy/delegation.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * An enterprise's delegation of a set of its risk sources to an assessment agency, kept in the
 * enterprise's partition and findable by the agency.
 */
export const delegationEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "delegation", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        agencyTenantId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<Delegation>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "DG#${id}", ["id"]) },
        byAgency: {
          index: "gsi1",
          pk: key("gsi1pk", "DGA#${agencyTenantId}", ["agencyTenantId"]),
          sk: key("gsi1sk", "${tenantId}#${id}", ["tenantId", "id"]),
        },
      },
    },
    config,
  );
