import { mainTable } from "../../functions/platform/storage-definitions.ts";
import { type EnsuredTable, ensureTable } from "../../infra/local/bootstrap/ensure-table.ts";
import { localResourceName } from "../../infra/local/bootstrap/resource-names.ts";
import { localAws } from "./local-aws.ts";
import { uniqueName } from "./unique-name.ts";

/** A new, empty table built from `mainTable` (keys, GSIs, stream) under a unique name. */
export async function freshTable(prefix = "test"): Promise<EnsuredTable> {
  return ensureTable(
    localAws().dynamodb,
    localResourceName(uniqueName(prefix), mainTable.logicalName),
    mainTable,
  );
}
