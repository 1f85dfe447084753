import { NotFoundError } from "../../shared/errors.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import { recordReads } from "../audit/audit-log.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";

export function enterpriseNotFound(): NotFoundError {
  return new NotFoundError({ zh: "企业不存在", en: "Enterprise not found" });
}

/**
 * An enterprise, for its own people or the officials whose jurisdiction covers it; anyone else,
 * and any enterprise out of reach, gets a 404. `audited` records an official's read of
 * `target`: call it once what was asked for is found, so a refused read leaves no trace.
 */
export async function reachEnterprise(caller: Caller, scope: Scope, tenantId: string) {
  if (scope.kind === "agency") throw enterpriseNotFound();
  if (scope.kind === "tenant" && scope.tenantId !== tenantId) throw enterpriseNotFound();
  const store = scope.kind === "tenant" ? storeForScope(scope) : functionStore();
  const enterprise = await loadEnterprise(store, tenantId);
  if (!enterprise) throw enterpriseNotFound();
  if (scope.kind === "jurisdiction" && !covers(scope.jurisdiction, enterprise)) {
    throw enterpriseNotFound();
  }
  const audited = async (target: { type: string; id: string }) => {
    if (scope.kind === "jurisdiction") await recordReads(store, caller, [{ tenantId, target }]);
  };
  return { enterprise, store, audited };
}
