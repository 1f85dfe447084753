import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { AuditRecord } from "../../../../shared/audit/audit-record.ts";
import { key, tenantPartition } from "./key.ts";

/** Immutable audit trail in the tenant's partition, newest last (ids are ULIDs). */
export const auditRecordEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "auditRecord", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        record: { type: CustomAttributeType<AuditRecord>("any"), required: true, readOnly: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "AU#${id}", ["id"]) },
      },
    },
    config,
  );
