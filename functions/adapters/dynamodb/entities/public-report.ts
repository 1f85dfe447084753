import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { PublicReport } from "../../../../shared/hidden-dangers/public-report.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * A public hidden-danger report (群众举报) awaiting or past moderation. Officials' queues read
 * the district and industry indexes (newest first by `seq`, the id's ULID), like hidden dangers.
 */
export const publicReportEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "publicReport", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        seq: { type: "string", required: true, readOnly: true },
        district: { type: "string", required: true },
        industry: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<PublicReport>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "PDR#${id}", ["id"]) },
        byDistrict: {
          index: "gsi1",
          pk: key("gsi1pk", "PDRD#${district}", ["district"]),
          sk: key("gsi1sk", "${seq}#${id}", ["seq", "id"]),
        },
        byIndustry: {
          index: "gsi2",
          pk: key("gsi2pk", "PDRI#${industry}", ["industry"]),
          sk: key("gsi2sk", "${seq}#${id}", ["seq", "id"]),
        },
      },
    },
    config,
  );
