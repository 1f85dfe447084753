import { delegationContract } from "../../shared/contracts/tenancy-delegations.ts";
import { integratorContract } from "../../shared/contracts/tenancy-integrators.ts";
import { signupContract } from "../../shared/contracts/tenancy-signups.ts";
import { userContract } from "../../shared/contracts/tenancy-users.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** The routes the tenancy function implements. */
export const tenancyRoutes = {
  ...signupContract,
  ...userContract,
  ...delegationContract,
  ...integratorContract,
} as const;

export const tenancyApi: FunctionDefinition = {
  id: "tenancy-api",
  description:
    "Sign-up and approval, tenants, users and invitations, integrators, delegation, audit and export",
  handler: "functions/tenancy/tenancy-api.handler.ts",
  routes: tenancyRoutes,
  table: "readWrite",
  identityAdmin: true,
  memoryMb: 512,
  timeoutSeconds: 15,
};
