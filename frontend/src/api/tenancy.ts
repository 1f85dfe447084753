import type { AuditFilter } from "../../../shared/audit/audit-query.ts";
import { registryContract } from "../../../shared/contracts/registry.ts";
import { delegationContract } from "../../../shared/contracts/tenancy-delegations.ts";
import { integratorContract } from "../../../shared/contracts/tenancy-integrators.ts";
import { signupContract } from "../../../shared/contracts/tenancy-signups.ts";
import { userContract } from "../../../shared/contracts/tenancy-users.ts";
import type {
  IntegratorClient,
  IntegratorCreateInput,
  IntegratorPatchInput,
} from "../../../shared/tenancy/integrator-client.ts";
import type {
  DecisionInput,
  DelegationCreateInput,
  InvitationCreateInput,
  SignupInput,
  UserPatchInput,
} from "../../../shared/tenancy/requests.ts";
import type { Tenant, TenantKind } from "../../../shared/tenancy/tenant.ts";
import type { User } from "../../../shared/tenancy/user.ts";
import type { DelegationView } from "../../../shared/tenancy/views.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

/** `"<version>"`: what `If-Match` carries for a record read at that version. */
function ifMatch(version: number): Record<string, string> {
  return { "If-Match": `"${version}"` };
}

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export function signUp(client: HttpClient, input: SignupInput) {
  return callRoute(client, signupContract.signUp, { body: input });
}

export function listSignups(client: HttpClient, cursor?: string, signal?: AbortSignal) {
  return callRoute(client, signupContract.listSignups, { query: { cursor }, ...signalOf(signal) });
}

export function decideSignup(
  client: HttpClient,
  tenant: Pick<Tenant, "id" | "version">,
  input: DecisionInput,
) {
  return callRoute(client, signupContract.decideSignup, {
    params: { tenantId: tenant.id },
    body: input,
    headers: ifMatch(tenant.version),
  });
}

export function showInvitation(client: HttpClient, token: string, signal?: AbortSignal) {
  return callRoute(client, signupContract.showInvitation, {
    params: { token },
    ...signalOf(signal),
  });
}

export function acceptInvitation(client: HttpClient, token: string, password: string) {
  return callRoute(client, signupContract.acceptInvitation, {
    params: { token },
    body: { password },
  });
}

export function listUsers(
  client: HttpClient,
  tenantId: string | undefined,
  cursor?: string,
  signal?: AbortSignal,
) {
  return callRoute(client, userContract.listUsers, {
    query: { tenantId, cursor },
    ...signalOf(signal),
  });
}

export function inviteUser(client: HttpClient, input: InvitationCreateInput) {
  return callRoute(client, userContract.inviteUser, { body: input });
}

export function patchUser(
  client: HttpClient,
  user: Pick<User, "userId" | "version" | "tenantId">,
  input: UserPatchInput,
  tenantId: string | undefined,
) {
  return callRoute(client, userContract.patchUser, {
    params: { userId: user.userId },
    query: { tenantId },
    body: input,
    headers: ifMatch(user.version),
  });
}

export function listIntegrators(
  client: HttpClient,
  tenantId: string | undefined,
  cursor?: string,
  signal?: AbortSignal,
) {
  return callRoute(client, integratorContract.listIntegrators, {
    query: { tenantId, cursor },
    ...signalOf(signal),
  });
}

/** Registers an integrator; the answer carries its client secret, the only time it is shown. */
export function registerIntegrator(
  client: HttpClient,
  input: IntegratorCreateInput,
  idempotencyKey: string,
) {
  return callRoute(client, integratorContract.registerIntegrator, {
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function patchIntegrator(
  client: HttpClient,
  integrator: Pick<IntegratorClient, "clientId" | "version">,
  input: IntegratorPatchInput,
  tenantId: string | undefined,
) {
  return callRoute(client, integratorContract.patchIntegrator, {
    params: { clientId: integrator.clientId },
    query: { tenantId },
    body: input,
    headers: ifMatch(integrator.version),
  });
}

export function listTenants(client: HttpClient, kind: TenantKind, signal?: AbortSignal) {
  return callRoute(client, userContract.listTenants, {
    query: { kind, limit: 200 },
    ...signalOf(signal),
  });
}

export function listAgencies(client: HttpClient, signal?: AbortSignal) {
  return callRoute(client, userContract.listAgencies, {
    query: { limit: 200 },
    ...signalOf(signal),
  });
}

export function listDelegations(client: HttpClient, cursor?: string, signal?: AbortSignal) {
  return callRoute(client, delegationContract.listDelegations, {
    query: { cursor },
    ...signalOf(signal),
  });
}

/** A tenant's audit trail, newest first: the own tenant's, or an enterprise's in reach. */
export function listAuditRecords(
  client: HttpClient,
  tenantId: string | undefined,
  filter: AuditFilter,
  cursor?: string,
  signal?: AbortSignal,
) {
  return callRoute(client, delegationContract.auditTrail, {
    query: { tenantId, ...filter, cursor },
    ...signalOf(signal),
  });
}

export function grantDelegation(client: HttpClient, input: DelegationCreateInput) {
  return callRoute(client, delegationContract.grantDelegation, { body: input });
}

export function revokeDelegation(
  client: HttpClient,
  delegation: Pick<DelegationView, "id" | "version">,
) {
  return callRoute(client, delegationContract.revokeDelegation, {
    params: { id: delegation.id },
    headers: ifMatch(delegation.version),
  });
}

/** The caller's own risk sources for the delegation picker (the registry's listing). */
export function listOwnRiskSources(client: HttpClient, signal?: AbortSignal) {
  return callRoute(client, registryContract.listRiskSources, {
    query: { limit: 200 },
    ...signalOf(signal),
  });
}
