import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Warning } from "../../../../shared/warnings/warning.ts";
import { key, tenantPartition } from "./key.ts";

/** Shards of the escalation-due index, so one busy minute is not one hot partition. */
export const ESCALATION_SHARDS = 4;

/**
 * A warning. `seq` is its id's ULID, so the district and industry indexes list newest last
 * (read backwards for an inbox). The escalation index is sparse: only live warnings with a
 * deadline carry `dueAt`, so the sweep reads exactly the ones due.
 */
export const warningEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "warning", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        seq: { type: "string", required: true, readOnly: true },
        district: { type: "string", required: true },
        industry: { type: "string", required: true },
        shard: { type: "number", required: true },
        /** Empty when nothing is due (not live, or at the top of the chain). */
        dueAt: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<Warning>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "W#${id}", ["id"]) },
        byDistrict: {
          index: "gsi1",
          pk: key("gsi1pk", "WD#${district}", ["district"]),
          sk: key("gsi1sk", "${seq}#${id}", ["seq", "id"]),
        },
        byIndustry: {
          index: "gsi2",
          pk: key("gsi2pk", "WI#${industry}", ["industry"]),
          sk: key("gsi2sk", "${seq}#${id}", ["seq", "id"]),
        },
        escalationDue: {
          index: "gsi3",
          condition: (attrs) => attrs.dueAt !== "",
          pk: key("gsi3pk", "WE#${shard}", ["shard"]),
          sk: key("gsi3sk", "${dueAt}#${id}", ["dueAt", "id"]),
        },
      },
    },
    config,
  );

/**
 * The claim that a (source, rule) has a live warning (预警唯一): created with the warning in
 * one unit of work, deleted when it leaves the live statuses. A second raise finds it and
 * re-fires the warning it names instead of creating another.
 */
export const liveWarningEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "liveWarning", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        riskSourceId: { type: "string", required: true, readOnly: true },
        rule: { type: "string", required: true, readOnly: true },
        warningId: { type: "string", required: true, readOnly: true },
      },
      indexes: {
        byTenant: {
          pk: tenantPartition,
          sk: key("sk", "WL#${riskSourceId}#${rule}", ["riskSourceId", "rule"]),
        },
      },
    },
    config,
  );
