import type { Jurisdiction } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { config } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, on } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { routeKey } from "../platform/manifest-types.ts";
import { createAgencyTenant, listAgencies, listTenants } from "./agency-tenants.ts";
import { readAuditTrail } from "./audit-trail.ts";
import { decideSignup, listSignups } from "./decisions.ts";
import {
  auditTrailRoute,
  exportRoute,
  grantDelegationRoute,
  listDelegationsRoute,
  revokeDelegationRoute,
} from "./delegation-routes.ts";
import { grantDelegation, listDelegations, revokeDelegation } from "./delegations.ts";
import { notFound } from "./errors.ts";
import {
  listIntegratorsRoute,
  patchIntegratorRoute,
  registerIntegratorRoute,
} from "./integrator-routes.ts";
import { listIntegrators, patchIntegrator, registerIntegrator } from "./integrators.ts";
import { acceptInvitation, showInvitation } from "./invitations.ts";
import { tenancyApi } from "./manifest.ts";
import {
  acceptInvitationRoute,
  decideSignupRoute,
  listSignupsRoute,
  showInvitationRoute,
  signUpRoute,
} from "./signup-routes.ts";
import { signUp } from "./signups.ts";
import { exportTenant } from "./tenant-export.ts";
import {
  createTenantRoute,
  inviteUserRoute,
  listAgenciesRoute,
  listTenantsRoute,
  listUsersRoute,
  patchUserRoute,
} from "./user-routes.ts";
import { inviteUser, listUsers, patchUser } from "./users.ts";
import { webOrigin } from "./web-origin.ts";

/** Officials act within a jurisdiction; every official route needs one. */
function jurisdictionOf(scope: Scope): Jurisdiction {
  if (scope.kind !== "jurisdiction") throw notFound.signup();
  return scope.jurisdiction;
}

const tagged = <T extends { version: number }>(body: T, status = 200) => ({
  status,
  body,
  headers: { etag: etagOf(body.version) },
});

export const handler = httpHandler(tenancyApi, [
  on(signUpRoute, async ({ body, headers }) => ({
    status: 201,
    body: await signUp(functionStore(), body, webOrigin(headers), {
      autoApprove: config().autoApproveSignups,
    }),
  })),
  on(listSignupsRoute, async ({ scope, query }) => ({
    body: await listSignups(functionStore(), jurisdictionOf(scope), query),
  })),
  on(decideSignupRoute, async ({ caller, scope, params, body, headers }) =>
    tagged(
      await decideSignup(
        functionStore(),
        caller,
        jurisdictionOf(scope),
        params.tenantId,
        body,
        expectedVersion(headers),
        webOrigin(headers),
      ),
    ),
  ),
  on(showInvitationRoute, async ({ params }) => ({
    body: await showInvitation(functionStore(), params.token, new Date()),
    headers: { "cache-control": "no-store" },
  })),
  on(acceptInvitationRoute, async ({ params, body }) => ({
    body: await acceptInvitation(functionStore(), params.token, body.password, new Date()),
  })),
  on(listUsersRoute, async ({ caller, scope, query }) => ({
    body: await listUsers(caller, scope, query),
  })),
  on(inviteUserRoute, async ({ caller, body, headers }) =>
    tagged(await inviteUser(caller, body, webOrigin(headers)), 201),
  ),
  on(patchUserRoute, async ({ caller, scope, params, query, body, headers }) =>
    tagged(
      await patchUser(
        caller,
        scope,
        { userId: params.userId, tenantId: query.tenantId },
        body,
        expectedVersion(headers),
      ),
    ),
  ),
  on(createTenantRoute, async ({ caller, body, headers }) =>
    tagged(await createAgencyTenant(functionStore(), caller, body, webOrigin(headers)), 201),
  ),
  on(listTenantsRoute, async ({ query }) => ({ body: await listTenants(functionStore(), query) })),
  on(listAgenciesRoute, async ({ query }) => ({
    body: await listAgencies(functionStore(), query),
  })),
  on(grantDelegationRoute, async ({ caller, scope, body }) =>
    tagged(await grantDelegation(caller, scope, body), 201),
  ),
  on(listDelegationsRoute, async ({ caller, scope, query }) => ({
    body: await listDelegations(caller, scope, query),
  })),
  on(revokeDelegationRoute, async ({ caller, scope, params, headers }) =>
    tagged(await revokeDelegation(caller, scope, params.id, expectedVersion(headers))),
  ),
  on(auditTrailRoute, async ({ caller, scope, query }) => ({
    body: await readAuditTrail(caller, scope, query),
  })),
  on(listIntegratorsRoute, async ({ caller, scope, query }) => ({
    body: await listIntegrators(caller, scope, query),
  })),
  on(registerIntegratorRoute, async ({ caller, scope, body, headers }) =>
    idempotently(
      { tenantId: caller.tenantId, route: routeKey(registerIntegratorRoute), headers, body },
      async () => tagged(await registerIntegrator(caller, scope, body), 201),
    ),
  ),
  on(patchIntegratorRoute, async ({ caller, scope, params, query, body, headers }) =>
    tagged(
      await patchIntegrator(
        caller,
        scope,
        { clientId: params.clientId, tenantId: query.tenantId },
        body,
        expectedVersion(headers),
      ),
    ),
  ),
  on(exportRoute, async ({ caller, scope }) => ({
    body: await exportTenant(caller, scope),
    headers: {
      "content-disposition": `attachment; filename="cityrisk-export-${caller.tenantId}.json"`,
      "cache-control": "no-store",
    },
  })),
]);
