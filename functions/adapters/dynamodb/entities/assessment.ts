import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { Assessment } from "../../../../shared/risk/assessment.ts";
import { key, tenantPartition } from "./key.ts";

const awaitingReview = (attrs: { status?: string }) => attrs.status === "submitted";

/**
 * An assessment, kept under its source (history in time order, ids are ULIDs) and, while it
 * awaits review, in three sparse review queues — the district's, the industry department's and
 * the city's — each sorted by submission time, so any queue page (newest or oldest first, or only
 * those waiting past the deadline) is one query. The row carries what the queue shows (level,
 * source and enterprise names, written at submission) so no row needs another read.
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
        /** Submission time (the record's createdAt): the queues' sort key. */
        submittedAt: { type: "string", required: true },
        /** The grade's level, for the queue's level filter. */
        level: { type: "string", required: true },
        /** Names shown in the queue and searched by it, as they were when submitted. */
        riskSourceName: { type: "string" },
        enterpriseName: { type: "string" },
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
          sk: key("gsi1sk", "${submittedAt}#${id}", ["submittedAt", "id"]),
        },
        reviewByIndustry: {
          index: "gsi2",
          condition: awaitingReview,
          pk: key("gsi2pk", "AVI#${industry}", ["industry"]),
          sk: key("gsi2sk", "${submittedAt}#${id}", ["submittedAt", "id"]),
        },
        reviewByCity: {
          index: "gsi3",
          condition: awaitingReview,
          // Keyed by status so the key has a composite attribute (the condition keeps only
          // "submitted"): a static key of a sparse index is written even when it should not be.
          pk: key("gsi3pk", "AVC#${status}", ["status"]),
          sk: key("gsi3sk", "${submittedAt}#${id}", ["submittedAt", "id"]),
        },
      },
    },
    config,
  );
