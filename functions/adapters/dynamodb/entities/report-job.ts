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

/**
 * A report job (报表任务) in the starting agency's partition; ids are ULIDs, so the partition
 * lists them oldest first and a reverse query gives the latest. `version` guards the worker's
 * saves against a second delivery of the same message.
 */
export const reportJobEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "reportJob", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        record: { type: CustomAttributeType<StoredReportJob>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "REPORT#${id}", ["id"]) },
      },
    },
    config,
  );
