import type { Role } from "../../../shared/tenancy/roles.ts";

// Literal lists (not derived from shared/tenancy/scope.ts) keep zod out of the entry chunk that
// the route table lives in; they mirror the groups of shared/contracts/registry.ts.

/** Roles that register, edit, import and export their own enterprise's sources. */
export const ENTERPRISE_ROLES = ["enterpriseAdmin", "enterpriseStaff"] as const satisfies Role[];

/** Officials who review assessments within their jurisdiction. */
export const OFFICIAL_ROLES = [
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
] as const satisfies Role[];

/** Who may assess a source: its enterprise, or an agency it delegated to. */
export const ASSESSING_ROLES = [...ENTERPRISE_ROLES, "assessor"] as const satisfies Role[];

/** People who read risk sources in the web app (the integrator is a machine client). */
export const REGISTRY_READERS = [
  ...ENTERPRISE_ROLES,
  ...OFFICIAL_ROLES,
  "assessor",
] as const satisfies Role[];

export function hasRole(role: Role | undefined, roles: readonly Role[]): boolean {
  return role !== undefined && roles.includes(role);
}

/** Who prints or checks a source's risk notification card: everyone who reads the source. */
export const CARD_READERS = REGISTRY_READERS;
