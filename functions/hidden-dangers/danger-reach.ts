import type { HiddenDanger } from "../../shared/hidden-dangers/hidden-danger.ts";
import type { DangerActor } from "../../shared/hidden-dangers/lifecycle.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { recordReads } from "../audit/audit-log.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { ownerOf } from "../registry/source-reach.ts";
import { dangerNotFound, loadDanger } from "./hidden-danger-item.ts";

/** Whether a scope reaches a danger: its own tenant's, or its jurisdiction's place. */
export function reachesDanger(scope: Scope, d: HiddenDanger): boolean {
  if (scope.kind === "tenant") return d.tenantId === scope.tenantId;
  if (scope.kind === "jurisdiction") return covers(scope.jurisdiction, d.place);
  return false;
}

/** Who acts, as the lifecycle sees it: the enterprise's people, or officials. */
export function dangerActor(caller: Caller, scope: Scope): DangerActor {
  return { userId: caller.userId, kind: scope.kind === "jurisdiction" ? "official" : "enterprise" };
}

/**
 * Reads one danger the caller may reach, or answers 404: enterprises their own, officials what
 * their jurisdiction covers (the read audited), assessors none.
 */
export async function reachDanger(
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<{ danger: HiddenDanger; store: Store }> {
  const tenantId = ownerOf(id);
  if (!tenantId || scope.kind === "agency") throw dangerNotFound();
  if (scope.kind === "tenant" && tenantId !== scope.tenantId) throw dangerNotFound();
  const store = scope.kind === "tenant" ? storeForScope(scope) : functionStore();
  const danger = await loadDanger(store, id);
  if (!danger || !reachesDanger(scope, danger)) throw dangerNotFound();
  if (scope.kind === "jurisdiction") {
    await recordReads(store, caller, [{ tenantId, target: { type: "hiddenDanger", id } }]);
  }
  return { danger, store };
}
