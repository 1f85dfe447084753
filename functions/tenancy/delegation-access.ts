import { type Delegation, delegationAllows } from "../../shared/tenancy/delegation.ts";
import type { Store } from "../adapters/dynamodb/store.ts";

/** Every delegation an assessment agency holds (active or not), across enterprises. */
export async function delegationsOfAgency(
  store: Store,
  agencyTenantId: string,
): Promise<Delegation[]> {
  const { data } = await store.entities.delegation.query
    .byAgency({ agencyTenantId })
    .go({ pages: "all" });
  return data.map((d) => d.record);
}

/** Sources an agency may act on now, grouped by enterprise tenant. */
export async function delegatedSources(
  store: Store,
  agencyTenantId: string,
  now: Date = new Date(),
): Promise<Map<string, Set<string>>> {
  const reach = new Map<string, Set<string>>();
  for (const d of await delegationsOfAgency(store, agencyTenantId)) {
    const active = d.riskSourceIds.filter((id) => delegationAllows(d, id, now));
    if (active.length === 0) continue;
    const ids = reach.get(d.tenantId) ?? new Set<string>();
    for (const id of active) ids.add(id);
    reach.set(d.tenantId, ids);
  }
  return reach;
}

/** Whether an agency may act on one source now (an expired or revoked delegation is no reach). */
export async function agencyReaches(
  store: Store,
  agencyTenantId: string,
  enterpriseTenantId: string,
  riskSourceId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const { data } = await store.entities.delegation.query
    .byAgency({ agencyTenantId, tenantId: enterpriseTenantId })
    .go({ pages: "all" });
  return data.some((d) => delegationAllows(d.record, riskSourceId, now));
}
