import { NotFoundError } from "../../shared/errors.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Place, type Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { recordReads } from "../audit/audit-log.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { agencyReaches } from "../tenancy/delegation-access.ts";

/** Ids of tenant-owned records are `<tenantId>~<ULID>`: the owner is read from the id. */
export function ownerOf(id: string): string | undefined {
  const at = id.indexOf("~");
  return at > 0 ? id.slice(0, at) : undefined;
}

export function placeOfSource(source: Pick<RiskSource, "supervision" | "industry">): Place {
  return {
    district: source.supervision.district,
    street: source.supervision.street,
    industry: source.industry,
  };
}

export function sourceNotFound(): NotFoundError {
  // The same answer whether the source does not exist or lies outside the caller's reach.
  return new NotFoundError({ zh: "风险源不存在", en: "Risk source not found" });
}

export async function loadSource(
  store: Store,
  tenantId: string,
  id: string,
): Promise<RiskSource | undefined> {
  const { data } = await store.entities.riskSource.get({ tenantId, id }).go();
  return data?.record;
}

/**
 * Reads one source the caller may reach, or answers 404: enterprises their own, assessors what
 * is delegated to their agency now, officials what their jurisdiction covers (audited).
 */
export async function reachSource(
  caller: Caller,
  scope: Scope,
  id: string,
  purpose: "read" | "assess",
): Promise<{ source: RiskSource; store: Store }> {
  const tenantId = ownerOf(id);
  if (!tenantId) throw sourceNotFound();
  if (scope.kind === "tenant") {
    if (tenantId !== scope.tenantId) throw sourceNotFound();
    const store = storeForScope(scope);
    const source = await loadSource(store, tenantId, id);
    if (!source) throw sourceNotFound();
    return { source, store };
  }
  const store = functionStore();
  if (scope.kind === "agency") {
    if (!(await agencyReaches(store, scope.tenantId, tenantId, id))) throw sourceNotFound();
    const source = await loadSource(store, tenantId, id);
    if (!source) throw sourceNotFound();
    return { source, store };
  }
  if (purpose === "assess") throw sourceNotFound();
  const source = await loadSource(store, tenantId, id);
  if (!source || !covers(scope.jurisdiction, placeOfSource(source))) throw sourceNotFound();
  await recordReads(store, caller, [{ tenantId, target: { type: "riskSource", id } }]);
  return { source, store };
}
