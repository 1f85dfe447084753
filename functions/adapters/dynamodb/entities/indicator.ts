import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Indicator } from "../../../../shared/warnings/indicator.ts";
import { key, tenantPartition } from "./key.ts";

/** Shards of the staleness index; the sweep checks one a minute (functions/warnings/staleness.ts). */
export const STALENESS_SHARDS = 5;

/**
 * A monitored indicator of a risk source (监测指标). Its definition changes rarely, so the
 * staleness index is kept here (sparse by shard), never on the state item every reading writes.
 */
export const indicatorEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "indicator", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        riskSourceId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        shard: { type: "number", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<Indicator>("any"), required: true },
      },
      indexes: {
        byTenant: {
          pk: tenantPartition,
          sk: key("sk", "IND#${riskSourceId}#${id}", ["riskSourceId", "id"]),
        },
        byStalenessShard: {
          index: "gsi3",
          pk: key("gsi3pk", "INDS#${shard}", ["shard"]),
          sk: key("gsi3sk", "${tenantId}#${id}", ["tenantId", "id"]),
        },
      },
    },
    config,
  );
