import { NotFoundError } from "../../shared/errors.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import type { Warning } from "../../shared/warnings/warning.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { recordReads } from "../audit/audit-log.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { loadWarning, warningOwner } from "./warning-item.ts";

export function warningNotFound(): NotFoundError {
  // The same answer whether it does not exist or lies outside the caller's reach.
  return new NotFoundError({ zh: "预警不存在", en: "Warning not found" });
}

/** Whether a scope reaches a warning: its own tenant's, or its jurisdiction's place. */
export function reaches(scope: Scope, w: Warning): boolean {
  if (scope.kind === "tenant") return w.tenantId === scope.tenantId;
  if (scope.kind === "jurisdiction") return covers(scope.jurisdiction, w.place);
  return false;
}

/**
 * Reads one warning the caller may reach, or answers 404: enterprises (and their systems) their
 * own, officials what their jurisdiction covers (the read audited), assessors none.
 */
export async function reachWarning(
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<{ warning: Warning; store: Store }> {
  const tenantId = warningOwner(id);
  if (!tenantId || scope.kind === "agency") throw warningNotFound();
  if (scope.kind === "tenant" && tenantId !== scope.tenantId) throw warningNotFound();
  const store = scope.kind === "tenant" ? storeForScope(scope) : functionStore();
  const warning = await loadWarning(store, id);
  if (!warning || !reaches(scope, warning)) throw warningNotFound();
  if (scope.kind === "jurisdiction") {
    await recordReads(store, caller, [{ tenantId, target: { type: "warning", id } }]);
  }
  return { warning, store };
}
