import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Drill, EmergencyPlan } from "../../../../shared/readiness/plan.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * A source's one-to-one emergency plan (一源一案): keyed by the source, so a second plan for
 * the same source is refused by the key itself.
 */
export const emergencyPlanEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "emergencyPlan", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        riskSourceId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<EmergencyPlan>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "EP#${riskSourceId}", ["riskSourceId"]) },
      },
    },
    config,
  );

/** A drill (应急演练) of a source, sorted by date under the source: the latest is one query. */
export const drillEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "drill", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        riskSourceId: { type: "string", required: true, readOnly: true },
        heldOn: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        record: { type: CustomAttributeType<Drill>("any"), required: true },
      },
      indexes: {
        byTenant: {
          pk: tenantPartition,
          sk: key("sk", "DR#${riskSourceId}#${heldOn}#${id}", ["riskSourceId", "heldOn", "id"]),
        },
      },
    },
    config,
  );
