import { useQuery } from "@tanstack/react-query";
import type { TenantKind } from "../../../shared/tenancy/tenant.ts";
import { useApi } from "../api/api-context.tsx";
import { tenancyKeys } from "../api/query-keys/tenancy.ts";
import { listTenants } from "../api/tenancy.ts";

/**
 * The tenants of some kinds, for the city admin's tenant pickers (users, integrators); not asked
 * while `enabled` is false (other roles may not list tenants).
 */
export function useTenantsOfKinds(kinds: readonly TenantKind[], enabled: boolean) {
  const client = useApi();
  return useQuery({
    queryKey: tenancyKeys.tenants(kinds),
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(kinds.map((kind) => listTenants(client, kind, signal)));
      return pages.flatMap((p) => p.items);
    },
    enabled,
  });
}
