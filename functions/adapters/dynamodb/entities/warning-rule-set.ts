import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { WarningRuleSet } from "../../../../shared/warnings/rules.ts";
import { key } from "./key.ts";

/**
 * A version of the warning rules published by the city admin. Platform configuration, not tenant
 * data: written with `create` only, so a published version can never change; the product's own
 * v1 has no item (it stands until a version is published).
 */
export const warningRuleSetEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "warningRuleSet", version: "1", service: "cityrisk" },
      attributes: {
        ruleSetId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true, readOnly: true },
        record: {
          type: CustomAttributeType<WarningRuleSet>("any"),
          required: true,
          readOnly: true,
        },
      },
      indexes: {
        byRuleSet: {
          pk: key("pk", "WRS#${ruleSetId}", ["ruleSetId"]),
          sk: key("sk", "V#${version}", ["version"]),
        },
      },
    },
    config,
  );
