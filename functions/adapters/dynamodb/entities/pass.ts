import { Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import { key } from "./key.ts";

/**
 * A scheduled pass over the whole city (review-due, re-evaluation). City-wide, not a tenant's:
 * it walks every enterprise's sources. Its segments checkpoint themselves (passSegment).
 */
export const passEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "pass", version: "1", service: "cityrisk" },
      attributes: {
        id: { type: "string", required: true, readOnly: true },
        kind: { type: "string", required: true, readOnly: true },
        startedAt: { type: "string", required: true, readOnly: true },
        segmentCount: { type: "number", required: true },
        /** A reconciliation's drifting counters, once compared (must be 0). */
        drift: { type: "number" },
      },
      indexes: {
        byId: { pk: key("pk", "PASS", []), sk: key("sk", "PASS#${id}", ["id"]) },
      },
    },
    config,
  );

/**
 * Where one segment of a pass stands, saved after every page: a worker killed midway resumes
 * from `cursor`; segments are separate items so parallel workers never overwrite each other.
 */
export const passSegmentEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "passSegment", version: "1", service: "cityrisk" },
      attributes: {
        passId: { type: "string", required: true, readOnly: true },
        segment: { type: "string", required: true, readOnly: true },
        cursor: { type: "string" },
        done: { type: "boolean", required: true },
        /** Sources looked at, and of those the ones the pass acted on (announced, re-graded). */
        seen: { type: "number", required: true },
        acted: { type: "number", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        byPass: {
          pk: key("pk", "PASS#${passId}", ["passId"]),
          sk: key("sk", "SEG#${segment}", ["segment"]),
        },
      },
    },
    config,
  );

/** That a source's overdue review was announced for one due date: at most once, ever. */
export const reviewNoticeEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "reviewNotice", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        sourceId: { type: "string", required: true, readOnly: true },
        dueAt: { type: "string", required: true, readOnly: true },
        passId: { type: "string", required: true },
      },
      indexes: {
        byTenant: {
          pk: key("pk", "T#${tenantId}", ["tenantId"]),
          sk: key("sk", "RVN#${sourceId}#${dueAt}", ["sourceId", "dueAt"]),
        },
      },
    },
    config,
  );
