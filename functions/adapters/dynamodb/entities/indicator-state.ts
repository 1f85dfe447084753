import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Indicator } from "../../../../shared/warnings/indicator.ts";
import type { IndicatorState } from "../../../../shared/warnings/indicator-state.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * The one state item per indicator (latest value, breach and recovery holds, trend window).
 * Every reading rewrites it, so it carries no index keys: one write per batch of readings of an
 * indicator, nothing more (the cost model of issue 11). It keeps a copy of the indicator's
 * definition, written with every change of it, so evaluating readings reads this item alone.
 */
export const indicatorStateEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "indicatorState", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        indicatorId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        indicator: { type: CustomAttributeType<Indicator>("any"), required: true },
        state: { type: CustomAttributeType<IndicatorState>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "INS#${indicatorId}", ["indicatorId"]) },
      },
    },
    config,
  );
