import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { SupervisionChange } from "../../../../shared/risk/supervision-change.ts";
import { key, tenantPartition } from "./key.ts";

const pending = (attrs: { status?: string }) => attrs.status === "pending";

/**
 * A supervision change request, in the enterprise's partition (its history, ids are ULIDs) and,
 * while pending, in the queues of the requested place: by district and by industry, so the
 * receiving official lists exactly what their jurisdiction covers.
 */
export const supervisionChangeEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "supervisionChange", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        status: { type: "string", required: true },
        /** The requested place: the receiving official's. */
        district: { type: "string", required: true },
        street: { type: "string", required: true },
        industry: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<SupervisionChange>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "SC#${id}", ["id"]) },
        pendingByDistrict: {
          index: "gsi1",
          condition: pending,
          pk: key("gsi1pk", "SCD#${district}", ["district"]),
          sk: key("gsi1sk", "${street}#${industry}#${id}", ["street", "industry", "id"]),
        },
        pendingByIndustry: {
          index: "gsi2",
          condition: pending,
          pk: key("gsi2pk", "SCI#${industry}", ["industry"]),
          sk: key("gsi2sk", "${district}#${street}#${id}", ["district", "street", "id"]),
        },
      },
    },
    config,
  );
