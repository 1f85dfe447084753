import { formatJurisdiction } from "../../shared/tenancy/claims.ts";
import type { Place } from "../../shared/tenancy/scope.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { TxEntities } from "../platform/data/unit-of-work.ts";

/** A tenant's record, or undefined. */
export async function loadTenant(
  store: Store,
  tenantId: string,
): Promise<{ record: Tenant } | undefined> {
  const { data } = await store.entities.tenant.get({ tenantId }).go();
  return data ? { record: data.record } : undefined;
}

/**
 * The item of a tenant record with the attributes its indexes are built from. Government and
 * agency tenants have no place: empty strings, and a status other than `pending`, keep them
 * out of the sign-up queues.
 */
export function tenantItem(tenant: Tenant) {
  return {
    tenantId: tenant.id,
    kind: tenant.kind,
    status: tenant.status,
    district: tenant.district ?? "",
    street: tenant.street ?? "",
    industry: tenant.industry ?? "",
    version: tenant.version,
    record: tenant,
  };
}

/** Replaces a tenant record if it is still at `expectedVersion`. */
export function tenantReplace(tx: TxEntities, tenant: Tenant, expectedVersion: number) {
  return tx.tenant
    .put(tenantItem(tenant))
    .where(({ version }, { eq }) => eq(version, expectedVersion))
    .commit();
}

/** Where an enterprise tenant sits in the three responsibilities; undefined for agencies. */
export function placeOfTenant(tenant: Tenant): Place | undefined {
  if (tenant.kind !== "enterprise" || !tenant.district || !tenant.industry) return undefined;
  return { district: tenant.district, street: tenant.street ?? "", industry: tenant.industry };
}

/** Token-form jurisdiction of an enterprise's users: their own district and industry. */
export function enterpriseJurisdiction(tenant: Tenant): string {
  return formatJurisdiction({
    citywide: false,
    districts: [{ district: tenant.district ?? "" }],
    industries: [tenant.industry ?? ""],
  });
}
