import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { ImportJob } from "../../../../shared/exchange/import-job.ts";
import type { Caller } from "../../../../shared/tenancy/claims.ts";
import { key, tenantPartition } from "./key.ts";

/** A job as stored: what callers read plus where its file lies and who started it. */
export type StoredImportJob = ImportJob & { tenantId: string; objectKey: string; caller: Caller };

/** An import job in the starting tenant's partition; its worker updates it as rows are read. */
export const importJobEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "importJob", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        status: { type: "string", required: true },
        record: { type: CustomAttributeType<StoredImportJob>("any"), required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "IMPORT#${id}", ["id"]) },
      },
    },
    config,
  );
