import type { Jurisdiction } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { config } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { routeKey } from "../platform/manifest-types.ts";
import { createAgencyTenant, listAgencies, listTenants } from "./agency-tenants.ts";
import { readAuditTrail } from "./audit-trail.ts";
import { decideSignup, listSignups } from "./decisions.ts";
import { grantDelegation, listDelegations, revokeDelegation } from "./delegations.ts";
import { notFound } from "./errors.ts";
import { listIntegrators, patchIntegrator, registerIntegrator } from "./integrators.ts";
import { acceptInvitation, showInvitation } from "./invitations.ts";
import { tenancyApi, tenancyRoutes } from "./manifest.ts";
import { signUp } from "./signups.ts";
import { exportTenant } from "./tenant-export.ts";
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

export const handler = httpHandler(
  tenancyApi,
  implement(tenancyRoutes, {
    signUp: async ({ body, headers }) => ({
      status: 201,
      body: await signUp(functionStore(), body, webOrigin(headers), {
        autoApprove: config().autoApproveSignups,
      }),
    }),
    listSignups: async ({ scope, query }) => ({
      body: await listSignups(functionStore(), jurisdictionOf(scope), query),
    }),
    decideSignup: async ({ caller, scope, params, body, headers }) =>
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
    showInvitation: async ({ params }) => ({
      body: await showInvitation(functionStore(), params.token, new Date()),
      headers: { "cache-control": "no-store" },
    }),
    acceptInvitation: async ({ params, body }) => ({
      body: await acceptInvitation(functionStore(), params.token, body.password, new Date()),
    }),
    listUsers: async ({ caller, scope, query }) => ({
      body: await listUsers(caller, scope, query),
    }),
    inviteUser: async ({ caller, body, headers }) =>
      tagged(await inviteUser(caller, body, webOrigin(headers)), 201),
    patchUser: async ({ caller, scope, params, query, body, headers }) =>
      tagged(
        await patchUser(
          caller,
          scope,
          { userId: params.userId, tenantId: query.tenantId },
          body,
          expectedVersion(headers),
        ),
      ),
    createTenant: async ({ caller, body, headers }) =>
      tagged(await createAgencyTenant(functionStore(), caller, body, webOrigin(headers)), 201),
    listTenants: async ({ query }) => ({ body: await listTenants(functionStore(), query) }),
    listAgencies: async ({ query }) => ({
      body: await listAgencies(functionStore(), query),
    }),
    grantDelegation: async ({ caller, scope, body }) =>
      tagged(await grantDelegation(caller, scope, body), 201),
    listDelegations: async ({ caller, scope, query }) => ({
      body: await listDelegations(caller, scope, query),
    }),
    revokeDelegation: async ({ caller, scope, params, headers }) =>
      tagged(await revokeDelegation(caller, scope, params.id, expectedVersion(headers))),
    auditTrail: async ({ caller, scope, query }) => ({
      body: await readAuditTrail(caller, scope, query),
    }),
    listIntegrators: async ({ caller, scope, query }) => ({
      body: await listIntegrators(caller, scope, query),
    }),
    registerIntegrator: async ({ caller, scope, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(tenancyRoutes.registerIntegrator),
          headers,
          body,
        },
        async () => tagged(await registerIntegrator(caller, scope, body), 201),
      ),
    patchIntegrator: async ({ caller, scope, params, query, body, headers }) =>
      tagged(
        await patchIntegrator(
          caller,
          scope,
          { clientId: params.clientId, tenantId: query.tenantId },
          body,
          expectedVersion(headers),
        ),
      ),
    export: async ({ caller, scope }) => ({
      body: await exportTenant(caller, scope),
      headers: {
        "content-disposition": `attachment; filename="cityrisk-export-${caller.tenantId}.json"`,
        "cache-control": "no-store",
      },
    }),
  }),
);
