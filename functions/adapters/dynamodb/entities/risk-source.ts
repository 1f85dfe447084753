import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * A risk source: the record as the domain defines it, plus the attributes its jurisdiction keys
 * are built from. `levelKey` is the current level or `none` before the first grade.
 */
export const riskSourceEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "riskSource", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        district: { type: "string", required: true },
        street: { type: "string", required: true },
        industry: { type: "string", required: true },
        levelKey: { type: "string", required: true },
        shard: { type: "number", required: true },
        /** Empty string when the source has no review due: the review-due index is then not written. */
        nextReviewAt: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<RiskSource>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "RS#${id}", ["id"]) },
        byDistrict: {
          index: "gsi1",
          pk: key("gsi1pk", "RSD#${district}#${levelKey}#${shard}", [
            "district",
            "levelKey",
            "shard",
          ]),
          sk: key("gsi1sk", "${street}#${industry}#${id}", ["street", "industry", "id"]),
        },
        byIndustry: {
          index: "gsi2",
          pk: key("gsi2pk", "RSI#${industry}#${levelKey}#${shard}", [
            "industry",
            "levelKey",
            "shard",
          ]),
          sk: key("gsi2sk", "${district}#${street}#${id}", ["district", "street", "id"]),
        },
        /** Sparse: only graded sources have a review due date (domain.md §4). */
        reviewDue: {
          index: "gsi3",
          condition: (attrs) => attrs.nextReviewAt !== "",
          pk: key("gsi3pk", "RSR#${district}#${shard}", ["district", "shard"]),
          sk: key("gsi3sk", "${nextReviewAt}#${id}", ["nextReviewAt", "id"]),
        },
      },
    },
    config,
  );
