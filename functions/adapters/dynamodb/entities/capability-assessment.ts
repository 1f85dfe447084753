import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { CapabilityAssessment } from "../../../../shared/readiness/capability.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * An enterprise's emergency-capability assessment (应急能力评估), sorted by date under the
 * tenant: its history, latest first, is one query.
 */
export const capabilityAssessmentEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "capabilityAssessment", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        assessedOn: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        record: { type: CustomAttributeType<CapabilityAssessment>("any"), required: true },
      },
      indexes: {
        byTenant: {
          pk: tenantPartition,
          sk: key("sk", "CA#${assessedOn}#${id}", ["assessedOn", "id"]),
        },
      },
    },
    config,
  );
