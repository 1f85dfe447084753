import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { EmergencyResource } from "../../../../shared/readiness/resource.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * An emergency resource (应急资源) in its owner's partition, indexed twice: by district and
 * street (jurisdiction listings, the map) and by geohash (nearest to a source: the partition is
 * a ~39 × 19.5 km cell, the sort key the full geohash, so a near block is a prefix query).
 */
export const emergencyResourceEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "emergencyResource", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        district: { type: "string", required: true },
        street: { type: "string", required: true },
        cell: { type: "string", required: true },
        geohash: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<EmergencyResource>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "ER#${id}", ["id"]) },
        byDistrict: {
          index: "gsi1",
          pk: key("gsi1pk", "ERD#${district}", ["district"]),
          sk: key("gsi1sk", "${street}#${id}", ["street", "id"]),
        },
        byCell: {
          index: "gsi2",
          pk: key("gsi2pk", "ERG#${cell}", ["cell"]),
          sk: key("gsi2sk", "${geohash}#${id}", ["geohash", "id"]),
        },
      },
    },
    config,
  );
