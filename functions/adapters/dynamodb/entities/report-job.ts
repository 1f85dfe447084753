import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { ReportJob, ReportRequest } from "../../../../shared/reports/report-job.ts";
import type { Caller } from "../../../../shared/tenancy/claims.ts";
import type { Scope } from "../../../../shared/tenancy/scope.ts";
import { key, tenantPartition } from "./key.ts";

/** A report job as stored: what its starter reads, plus who asked, in what scope, and its file. */
export type StoredReportJob = ReportJob & {
  tenantId: string;
  caller: Caller;
  /** The scope the report was asked in: the worker reads nothing beyond it. */
  scope: Scope;
  request: ReportRequest;
  objectKey: string;
};

/** Jobs a worker still owes: listed by the stalled-jobs pass, oldest heartbeat first. */
const active = (attrs: { status?: string }) =>
  attrs.status === "queued" || attrs.status === "running";

/**
 * A report job (报表任务) in the starting agency's partition; ids are ULIDs, so the partition
 * lists them oldest first and a reverse query gives the latest. `version` guards the worker's
 * saves against a second delivery of the same message. Queued and running jobs also sit in a
 * sparse index by heartbeat, so one whose message was lost is found and handed out again.
 */
export const reportJobEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "reportJob", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        status: {
          type: "string",
          watch: ["record"],
          set: (_value, item) => (item.record as StoredReportJob | undefined)?.status,
        },
        updatedAt: {
          type: "string",
          watch: ["record"],
          set: (_value, item) => (item.record as StoredReportJob | undefined)?.updatedAt,
        },
        record: { type: CustomAttributeType<StoredReportJob>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "REPORT#${id}", ["id"]) },
        activeByHeartbeat: {
          index: "gsi1",
          condition: active,
          pk: key("gsi1pk", "REPORTS#ACTIVE", []),
          sk: key("gsi1sk", "${updatedAt}#${tenantId}#${id}", ["updatedAt", "tenantId", "id"]),
        },
      },
    },
    config,
  );
