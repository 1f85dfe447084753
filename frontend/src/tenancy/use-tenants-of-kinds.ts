import { useEffect, useState } from "react";
import type { Tenant, TenantKind } from "../../../shared/tenancy/tenant.ts";
import { useApi } from "../api/api-context.tsx";
import { listTenants } from "../api/tenancy.ts";

/**
 * The tenants of some kinds, for the city admin's tenant pickers (users, integrators); nothing
 * while `enabled` is false (other roles may not list tenants). `kinds` must be stable (a module
 * constant), as an effect dependency.
 */
export function useTenantsOfKinds(kinds: readonly TenantKind[], enabled: boolean): Tenant[] {
  const client = useApi();
  const [tenants, setTenants] = useState<Tenant[]>([]);
  useEffect(() => {
    if (!enabled) return;
    Promise.all(kinds.map((kind) => listTenants(client, kind))).then(
      (pages) => setTenants(pages.flatMap((p) => p.items)),
      () => setTenants([]),
    );
  }, [client, enabled, kinds]);
  return tenants;
}
