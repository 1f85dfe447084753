import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { ExportJob } from "../../../../shared/exchange/export-job.ts";
import type { ImportJob } from "../../../../shared/exchange/import-job.ts";
import type { Caller } from "../../../../shared/tenancy/claims.ts";
import type { Scope } from "../../../../shared/tenancy/scope.ts";
import { key, tenantPartition } from "./key.ts";

/** What every stored job carries beyond what callers read: its file, its starter, its version. */
interface StoredJobFields {
  tenantId: string;
  objectKey: string;
  caller: Caller;
  /** Bumped on every save; a save expecting an older version is refused (a second worker). */
  version?: number;
}

/** An import job as stored: what callers read plus where its file lies and who started it. */
export type StoredImportJob = ImportJob & StoredJobFields;

/** An export job as stored: the scope and filters it was started with, and its file's key. */
export type StoredExportJob = Omit<ExportJob, "download"> &
  StoredJobFields & { scope: Scope; filters: Record<string, string> };

export type StoredJob = StoredImportJob | StoredExportJob;

/** Jobs a worker still owes: listed by the stalled-jobs pass, oldest heartbeat first. */
const active = (attrs: { status?: string }) =>
  attrs.status === "queued" || attrs.status === "running";

/**
 * An import or export job in the starting tenant's partition; its worker updates it as it goes.
 * Queued and running jobs also sit in one sparse index by heartbeat (`updatedAt`), so a job whose
 * message was lost can be found across tenants and handed to a worker again.
 */
export const importJobEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "importJob", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        status: { type: "string", required: true },
        version: { type: "number", default: 0 },
        updatedAt: {
          type: "string",
          watch: ["record"],
          set: (_value, item) => (item.record as StoredJob | undefined)?.updatedAt,
        },
        record: { type: CustomAttributeType<StoredJob>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "IMPORT#${id}", ["id"]) },
        activeByHeartbeat: {
          index: "gsi1",
          condition: active,
          pk: key("gsi1pk", "JOBS#ACTIVE", []),
          sk: key("gsi1sk", "${updatedAt}#${tenantId}#${id}", ["updatedAt", "tenantId", "id"]),
        },
      },
    },
    config,
  );
