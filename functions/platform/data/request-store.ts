import type { Scope } from "../../../shared/tenancy/scope.ts";
import { type Store, storeFor } from "../../adapters/dynamodb/store.ts";
import { dynamodb } from "../clients.ts";
import { setting } from "../config.ts";
import { tenantDataClient } from "../tenant-data-client.ts";

/** The store for the function's own role: officials' jurisdiction queries, public routes. */
export function functionStore(): Store {
  return storeFor(dynamodb, setting("tableName"));
}

/**
 * The store a request reaches data through. Enterprise callers get a client confined to their
 * tenant's partition (IAM `dynamodb:LeadingKeys` on AWS, a key guard everywhere), so a bug in a
 * query cannot leak another tenant's items.
 */
export function storeForScope(scope: Scope): Store {
  if (scope.kind === "tenant")
    return storeFor(tenantDataClient(scope.tenantId), setting("tableName"));
  return functionStore();
}
