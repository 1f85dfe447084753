import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { EscalationTiming } from "../../../../shared/warnings/rules.ts";
import { key } from "./key.ts";

/**
 * Escalation deadlines set by a jurisdiction's administrators: `city`, or a district code.
 * Not tenant data: one small item per jurisdiction, read when a warning is raised or climbs.
 */
export const warningSettingsEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "warningSettings", version: "1", service: "cityrisk" },
      attributes: {
        scope: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        timing: { type: CustomAttributeType<EscalationTiming>("any"), required: true },
        updatedAt: { type: "string", required: true },
        updatedBy: { type: "string", required: true },
      },
      indexes: {
        byScope: { pk: key("pk", "WSET#${scope}", ["scope"]), sk: key("sk", "WSET", []) },
      },
    },
    config,
  );
