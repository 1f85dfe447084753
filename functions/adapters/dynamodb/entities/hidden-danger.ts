import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { HiddenDanger } from "../../../../shared/hidden-dangers/hidden-danger.ts";
import { key, tenantPartition } from "./key.ts";

/** Shards of the overdue index, so one busy deadline day is not one hot partition. */
export const OVERDUE_SHARDS = 4;

/**
 * A hidden danger (隐患). `seq` is its id's ULID, so the district and industry indexes list
 * newest last (read backwards). The overdue index is sparse: only dangers with a due date not
 * yet warned of carry `dueAt`, so the sweep reads exactly the ones that may be overdue.
 */
export const hiddenDangerEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "hiddenDanger", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        seq: { type: "string", required: true, readOnly: true },
        district: { type: "string", required: true },
        industry: { type: "string", required: true },
        shard: { type: "number", required: true },
        /** Empty when nothing is due or its overdue warning was raised. */
        dueAt: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<HiddenDanger>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "HD#${id}", ["id"]) },
        byDistrict: {
          index: "gsi1",
          pk: key("gsi1pk", "HDD#${district}", ["district"]),
          sk: key("gsi1sk", "${seq}#${id}", ["seq", "id"]),
        },
        byIndustry: {
          index: "gsi2",
          pk: key("gsi2pk", "HDI#${industry}", ["industry"]),
          sk: key("gsi2sk", "${seq}#${id}", ["seq", "id"]),
        },
        overdueDue: {
          index: "gsi3",
          condition: (attrs) => attrs.dueAt !== "",
          pk: key("gsi3pk", "HDE#${shard}", ["shard"]),
          sk: key("gsi3sk", "${dueAt}#${id}", ["dueAt", "id"]),
        },
      },
    },
    config,
  );
