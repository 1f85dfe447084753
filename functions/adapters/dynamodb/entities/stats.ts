import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Contribution, Counts } from "../../../../shared/stats/contribution.ts";
import type { EnterpriseRollup } from "../../../../shared/stats/enterprise-coverage.ts";
import { key, tenantPartition } from "./key.ts";

/**
 * One shard of a statistics slice (the city, a district, a street, an industry or a crossing,
 * shared/stats/contribution.ts): counter name → count. Not a tenant's: it sums every enterprise
 * of the city, and is written only by the fold (functions/stats/), read by officials' routes.
 * `version` orders concurrent folds on the shard.
 */
export const statsSliceEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "statsSlice", version: "1", service: "cityrisk" },
      attributes: {
        slice: { type: "string", required: true, readOnly: true },
        shard: { type: "number", required: true, readOnly: true },
        counts: { type: CustomAttributeType<Counts>("any"), required: true },
        version: { type: "number", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        bySlice: {
          pk: key("pk", "STATS#${slice}", ["slice"]),
          sk: key("sk", "SHARD#${shard}", ["shard"]),
        },
      },
    },
    config,
  );

const hasStage = (attrs: Record<string, unknown>) => attrs.stage !== "";

/**
 * What a source (or a warning) contributes to the statistics as folded, and the record version
 * folded last; under `sourceId` "enterprise", an enterprise's rollup and coverage stage.
 */
export const statsContributionEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "statsContribution", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        sourceId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        /** `null` once the source is deleted: a late, older record then folds nothing. */
        contribution: { type: CustomAttributeType<Contribution | null>("any") },
        /** Sources: the due dates the review-due pass announced overdue. */
        overdueNotices: { type: "list", items: { type: "string" } },
        /** Enterprises: what their coverage stage is computed from (fold.ts). */
        rollup: { type: CustomAttributeType<EnterpriseRollup>("any") },
        /**
         * Enterprises: their stage and place as keys of the directory's stage filter; "" on
         * sources' records and on an enterprise with no stage (ElectroDB needs every composite).
         */
        stage: { type: "string", required: true },
        district: { type: "string", required: true },
        street: { type: "string", required: true },
        industry: { type: "string", required: true },
        shard: { type: "number", required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "STC#${sourceId}", ["sourceId"]) },
        stageByDistrict: {
          index: "gsi1",
          condition: hasStage,
          pk: key("gsi1pk", "ESD#${district}#${stage}#${shard}", ["district", "stage", "shard"]),
          sk: key("gsi1sk", "${street}#${industry}#${tenantId}", [
            "street",
            "industry",
            "tenantId",
          ]),
        },
        stageByIndustry: {
          index: "gsi2",
          condition: hasStage,
          pk: key("gsi2pk", "ESI#${industry}#${stage}#${shard}", ["industry", "stage", "shard"]),
          sk: key("gsi2sk", "${district}#${street}#${tenantId}", [
            "district",
            "street",
            "tenantId",
          ]),
        },
      },
    },
    config,
  );

/**
 * One shard of a slice's level counters as they stood at the end of a day (Beijing), written by
 * the fold in the same transaction as the shard itself (only on days the shard changed): a
 * trend reads a range of days per shard with one Query and carries each value forward.
 */
export const statsSnapshotEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "statsSnapshot", version: "1", service: "cityrisk" },
      attributes: {
        slice: { type: "string", required: true, readOnly: true },
        shard: { type: "number", required: true, readOnly: true },
        date: { type: "string", required: true, readOnly: true },
        counts: { type: CustomAttributeType<Counts>("any"), required: true },
      },
      indexes: {
        byShard: {
          pk: key("pk", "STATSDAY#${slice}#${shard}", ["slice", "shard"]),
          sk: key("sk", "DAY#${date}", ["date"]),
        },
      },
    },
    config,
  );
