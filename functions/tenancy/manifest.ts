import type { FunctionDefinition } from "../platform/manifest-types.ts";
import {
  auditTrailRoute,
  exportRoute,
  grantDelegationRoute,
  listDelegationsRoute,
  revokeDelegationRoute,
} from "./delegation-routes.ts";
import {
  listIntegratorsRoute,
  patchIntegratorRoute,
  registerIntegratorRoute,
} from "./integrator-routes.ts";
import {
  acceptInvitationRoute,
  decideSignupRoute,
  listSignupsRoute,
  showInvitationRoute,
  signUpRoute,
} from "./signup-routes.ts";
import {
  createTenantRoute,
  inviteUserRoute,
  listAgenciesRoute,
  listTenantsRoute,
  listUsersRoute,
  patchUserRoute,
} from "./user-routes.ts";

export const tenancyApi: FunctionDefinition = {
  id: "tenancy-api",
  description:
    "Sign-up and approval, tenants, users and invitations, integrators, delegation, audit and export",
  handler: "functions/tenancy/tenancy-api.handler.ts",
  routes: [
    signUpRoute,
    listSignupsRoute,
    decideSignupRoute,
    showInvitationRoute,
    acceptInvitationRoute,
    listUsersRoute,
    inviteUserRoute,
    patchUserRoute,
    createTenantRoute,
    listTenantsRoute,
    listAgenciesRoute,
    grantDelegationRoute,
    listDelegationsRoute,
    revokeDelegationRoute,
    auditTrailRoute,
    exportRoute,
    listIntegratorsRoute,
    registerIntegratorRoute,
    patchIntegratorRoute,
  ],
  table: "readWrite",
  identityAdmin: true,
  memoryMb: 512,
  timeoutSeconds: 15,
};
