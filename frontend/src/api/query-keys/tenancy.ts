import type { TenantKind } from "../../../../shared/tenancy/tenant.ts";

/**
 * Query keys of tenancy: sign-ups, users, delegations, integrators and the tenant pickers. A
 * city admin's lists are per tenant (`scope`, the caller's own when undefined); the `all…` keys
 * are their common prefix, for invalidation.
 */
export const tenancyKeys = {
  signups: () => ["tenancy", "signups"] as const,
  allUsers: () => ["tenancy", "users"] as const,
  users: (scope: string | undefined) => [...tenancyKeys.allUsers(), scope ?? "own"] as const,
  allIntegrators: () => ["tenancy", "integrators"] as const,
  integrators: (scope: string | undefined) =>
    [...tenancyKeys.allIntegrators(), scope ?? "own"] as const,
  delegations: () => ["tenancy", "delegations"] as const,
  tenants: (kinds: readonly TenantKind[]) => ["tenancy", "tenants", ...kinds] as const,
  agencies: () => ["tenancy", "agencies"] as const,
  invitation: (token: string) => ["tenancy", "invitation", token] as const,
};
