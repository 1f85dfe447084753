import type {
  IntegratorClient,
  IntegratorCreated,
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
import type {
  AgencyView,
  DelegationView,
  InvitationAccepted,
  InvitationView,
  Page,
  SignupCreated,
} from "../../../shared/tenancy/views.ts";
import type { HttpClient } from "./http-client.ts";

const V1 = "/api/v1";

/** `"<version>"`: what `If-Match` carries for a record read at that version. */
function ifMatch(version: number): Record<string, string> {
  return { "If-Match": `"${version}"` };
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function signUp(client: HttpClient, input: SignupInput): Promise<SignupCreated> {
  return client.request(`${V1}/signups`, { method: "POST", body: input });
}

export function listSignups(
  client: HttpClient,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<Tenant>> {
  return client.request(`${V1}/signups${query({ cursor })}`, signal ? { signal } : {});
}

export function decideSignup(
  client: HttpClient,
  tenant: Pick<Tenant, "id" | "version">,
  input: DecisionInput,
): Promise<Tenant> {
  return client.request(`${V1}/signups/${encodeURIComponent(tenant.id)}/decision`, {
    method: "POST",
    body: input,
    headers: ifMatch(tenant.version),
  });
}

export function showInvitation(
  client: HttpClient,
  token: string,
  signal?: AbortSignal,
): Promise<InvitationView> {
  return client.request(`${V1}/invitations/${encodeURIComponent(token)}`, signal ? { signal } : {});
}

export function acceptInvitation(
  client: HttpClient,
  token: string,
  password: string,
): Promise<InvitationAccepted> {
  return client.request(`${V1}/invitations/${encodeURIComponent(token)}/accept`, {
    method: "POST",
    body: { password },
  });
}

export function listUsers(
  client: HttpClient,
  tenantId: string | undefined,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<User>> {
  return client.request(`${V1}/users${query({ tenantId, cursor })}`, signal ? { signal } : {});
}

export function inviteUser(client: HttpClient, input: InvitationCreateInput): Promise<User> {
  return client.request(`${V1}/users/invitations`, { method: "POST", body: input });
}

export function patchUser(
  client: HttpClient,
  user: Pick<User, "userId" | "version" | "tenantId">,
  input: UserPatchInput,
  tenantId: string | undefined,
): Promise<User> {
  return client.request(`${V1}/users/${encodeURIComponent(user.userId)}${query({ tenantId })}`, {
    method: "PATCH",
    body: input,
    headers: ifMatch(user.version),
  });
}

export function listIntegrators(
  client: HttpClient,
  tenantId: string | undefined,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<IntegratorClient>> {
  return client.request(
    `${V1}/integrators${query({ tenantId, cursor })}`,
    signal ? { signal } : {},
  );
}

/** Registers an integrator; the answer carries its client secret, the only time it is shown. */
export function registerIntegrator(
  client: HttpClient,
  input: IntegratorCreateInput,
  idempotencyKey: string,
): Promise<IntegratorCreated> {
  return client.request(`${V1}/integrators`, {
    method: "POST",
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function patchIntegrator(
  client: HttpClient,
  integrator: Pick<IntegratorClient, "clientId" | "version">,
  input: IntegratorPatchInput,
  tenantId: string | undefined,
): Promise<IntegratorClient> {
  const path = `${V1}/integrators/${encodeURIComponent(integrator.clientId)}${query({ tenantId })}`;
  return client.request(path, {
    method: "PATCH",
    body: input,
    headers: ifMatch(integrator.version),
  });
}

export function listTenants(
  client: HttpClient,
  kind: TenantKind,
  signal?: AbortSignal,
): Promise<Page<Tenant>> {
  return client.request(`${V1}/tenants${query({ kind, limit: "200" })}`, signal ? { signal } : {});
}

export function listAgencies(client: HttpClient, signal?: AbortSignal): Promise<Page<AgencyView>> {
  return client.request(`${V1}/agencies${query({ limit: "200" })}`, signal ? { signal } : {});
}

export function listDelegations(
  client: HttpClient,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<DelegationView>> {
  return client.request(`${V1}/delegations${query({ cursor })}`, signal ? { signal } : {});
}

export function grantDelegation(
  client: HttpClient,
  input: DelegationCreateInput,
): Promise<DelegationView> {
  return client.request(`${V1}/delegations`, { method: "POST", body: input });
}

export function revokeDelegation(
  client: HttpClient,
  delegation: Pick<DelegationView, "id" | "version">,
): Promise<DelegationView> {
  return client.request(`${V1}/delegations/${encodeURIComponent(delegation.id)}`, {
    method: "DELETE",
    headers: ifMatch(delegation.version),
  });
}

/** The caller's own risk sources for the delegation picker (the registry's listing). */
export function listOwnRiskSources(
  client: HttpClient,
  signal?: AbortSignal,
): Promise<Page<{ id: string; name: string; place: string }>> {
  return client.request(`${V1}/risk-sources${query({ limit: "200" })}`, signal ? { signal } : {});
}
