import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Assessment } from "../../../../shared/risk/assessment.ts";
import { key, tenantPartition } from "./key.ts";

const awaitingReview = (attrs: { status?: string }) => attrs.status === "submitted";

/**
 * An assessment, kept under its source (history in time order, ids are ULIDs) and, while it
 * awaits review, in the review queues of the district and of the industry department.
 */
export const assessmentEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "assessment", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        riskSourceId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        status: { type: "string", required: true },
        district: { type: "string", required: true },
        street: { type: "string", required: true },
        industry: { type: "string", required: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<Assessment>("any"), required: true },
      },
      indexes: {
        bySource: {
          pk: tenantPartition,
          sk: key("sk", "AS#${riskSourceId}#${id}", ["riskSourceId", "id"]),
        },
        reviewByDistrict: {
          index: "gsi1",
          condition: awaitingReview,
          pk: key("gsi1pk", "AVD#${district}", ["district"]),
          sk: key("gsi1sk", "${street}#${industry}#${id}", ["street", "industry", "id"]),
        },
        reviewByIndustry: {
          index: "gsi2",
          condition: awaitingReview,
          pk: key("gsi2pk", "AVI#${industry}", ["industry"]),
          sk: key("gsi2sk", "${district}#${street}#${id}", ["district", "street", "id"]),
        },
      },
    },
    config,
  );
