import type { Role } from "../../../shared/tenancy/roles.ts";

// Literal lists keep zod out of the entry chunk the route table lives in; they mirror the
// roles of shared/contracts/tenancy-*.ts.

/** Officials who decide enterprise sign-ups within their jurisdiction. */
export const SIGNUP_DECIDERS = [
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
] as const satisfies Role[];

/** Who manages users: an enterprise's admin, and the city admin for agency tenants. */
export const USER_MANAGERS = ["enterpriseAdmin", "cityAdmin"] as const satisfies Role[];

/** Who grants and revokes delegations to assessment agencies. */
export const DELEGATORS = ["enterpriseAdmin"] as const satisfies Role[];

/** Who reads delegations: those who grant them, and the assessors who receive them. */
export const DELEGATION_READERS = [...DELEGATORS, "assessor"] as const satisfies Role[];

/** Who reads an audit trail: an enterprise's admin, and the officials (enterprises they cover). */
export const AUDIT_READERS = ["enterpriseAdmin", ...SIGNUP_DECIDERS] as const satisfies Role[];

/** Who imports census and standardization data (mirrors `EXCHANGE_ROLES`). */
export const ENTERPRISE_IMPORTERS = ["districtOfficial", "cityAdmin"] as const satisfies Role[];

/** Who registers and disables integrators: an enterprise's admin, the city admin for government bodies. */
export const INTEGRATOR_MANAGERS = ["enterpriseAdmin", "cityAdmin"] as const satisfies Role[];

/** Who keeps webhook endpoints in the web app: an enterprise's admin, the city admin (contracts/webhooks.ts). */
export const WEBHOOK_KEEPERS = ["enterpriseAdmin", "cityAdmin"] as const satisfies Role[];
