import type { Caller } from "../../shared/tenancy/claims.ts";
import { formatJurisdiction, parseJurisdiction } from "../../shared/tenancy/claims.ts";
import { maskContactsFor } from "../../shared/tenancy/masking.ts";
import { membershipProblem } from "../../shared/tenancy/membership.ts";
import type { InvitationCreateInput, UserPatchInput } from "../../shared/tenancy/requests.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import type { User } from "../../shared/tenancy/user.ts";
import type { Page } from "../../shared/tenancy/views.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { auditStep, type WriteStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";
import { notFound, TenancyConflictError, TenancyInvalidError } from "./errors.ts";
import { issueInvitation } from "./invitations.ts";
import { enterpriseJurisdiction, loadTenant } from "./tenant-records.ts";

/**
 * The tenant whose users the caller manages: an enterprise admin their own; the city admin
 * their own or a government or agency tenant named by id. Anything else is 404.
 */
export async function managedTenant(caller: Caller, tenantId: string | undefined): Promise<Tenant> {
  const id = tenantId ?? caller.tenantId;
  if (caller.role !== "cityAdmin" && id !== caller.tenantId) throw notFound.tenant();
  const found = await loadTenant(functionStore(), id);
  if (!found) throw notFound.tenant();
  if (id !== caller.tenantId && found.record.kind === "enterprise") throw notFound.tenant();
  return found.record;
}

/** The store for a tenant's own partition: the caller's confined client when it is theirs. */
export function storeFor(scope: Scope, tenantId: string): Store {
  return scope.tenantId === tenantId ? storeForScope(scope) : functionStore();
}

/** A tenant's users, phones masked for roles that do not need them (masking.ts). */
export async function listUsers(
  caller: Caller,
  scope: Scope,
  query: { tenantId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<User>> {
  const tenant = await managedTenant(caller, query.tenantId);
  const store = storeFor(scope, tenant.id);
  const page = await walkPartitions(
    [
      {
        id: `users:${tenant.id}`,
        read: async (cursor, limit) => {
          const result = await store.entities.user.query
            .byTenant({ tenantId: tenant.id })
            .go({ cursor, limit });
          return { items: result.data.map((d) => d.record), cursor: result.cursor };
        },
      },
    ],
    query.cursor,
    query.limit,
  );
  const sameTenant = tenant.id === caller.tenantId;
  return { ...page, items: page.items.map((u) => maskContactsFor(caller.role, u, sameTenant)) };
}

function invalidMembership(problem: { zh: string; en: string }, path: string) {
  return new TenancyInvalidError("user.invalidMembership", path, problem);
}

/** The jurisdiction a member gets: the enterprise's place, an official's own grant, none. */
function memberJurisdiction(tenant: Tenant, requested: string | undefined): string {
  if (tenant.kind === "enterprise") return enterpriseJurisdiction(tenant);
  if (tenant.kind === "assessmentAgency") return "";
  return formatJurisdiction(parseJurisdiction(requested ?? ""));
}

/** Checks a role (and an official's jurisdiction) against the tenant; throws a 400 if unfit. */
export function checkMembership(
  tenant: Tenant,
  role: User["role"],
  jurisdiction: string | undefined,
): string {
  const problem = membershipProblem(tenant, role, jurisdiction);
  if (problem) {
    throw invalidMembership(
      problem,
      tenant.kind === "government" ? "body.jurisdiction" : "body.role",
    );
  }
  return memberJurisdiction(tenant, jurisdiction);
}

/** Invites a user into a tenant the caller manages; the e-mail carries the one-time link. */
export async function inviteUser(
  caller: Caller,
  input: InvitationCreateInput,
  origin: string,
  now: Date = new Date(),
): Promise<User> {
  const tenant = await managedTenant(caller, input.tenantId);
  if (tenant.status !== "active") {
    throw new TenancyConflictError("tenant", {
      zh: "单位尚未启用，不能邀请用户",
      en: "The tenant is not active; users cannot be invited yet",
    });
  }
  const jurisdiction = checkMembership(tenant, input.role, input.jurisdiction);
  const invitation = issueInvitation(
    caller,
    {
      tenantId: tenant.id,
      tenantName: tenant.name,
      email: input.email,
      name: input.name,
      role: input.role,
      jurisdiction,
    },
    now,
    origin,
  );
  // The e-mail's claim lives outside the tenant's partition: the function's own store writes it.
  await writeTogether(functionStore(), invitation.steps);
  return invitation.user;
}

function selfChange(): TenancyConflictError {
  return new TenancyConflictError("user", {
    zh: "不能停用自己或修改自己的角色",
    en: "You cannot disable yourself or change your own role",
  });
}

/**
 * Disables, re-enables or re-roles a user (If-Match with the user's version). A user who
 * never accepted their invitation goes back to `invited` when re-enabled. The login in the
 * identity provider follows once the record is written.
 */
export async function patchUser(
  caller: Caller,
  scope: Scope,
  target: { tenantId?: string | undefined; userId: string },
  input: UserPatchInput,
  expectedVersion: number,
  now: Date = new Date(),
): Promise<User> {
  const tenant = await managedTenant(caller, target.tenantId);
  const store = storeFor(scope, tenant.id);
  const { data } = await store.entities.user
    .get({ tenantId: tenant.id, userId: target.userId })
    .go();
  if (!data) throw notFound.user();
  const user = data.record;
  if (user.version !== expectedVersion) throw staleVersion();
  if (user.userId === caller.userId && (input.status === "disabled" || input.role)) {
    throw selfChange();
  }
  const role = input.role ?? user.role;
  const reclaimed = input.role !== undefined || input.jurisdiction !== undefined;
  const jurisdiction = reclaimed
    ? checkMembership(tenant, role, input.jurisdiction ?? user.jurisdiction)
    : user.jurisdiction;
  const status =
    input.status === "disabled"
      ? "disabled"
      : input.status === "active"
        ? user.activatedAt
          ? "active"
          : "invited"
        : user.status;
  const at = now.toISOString();
  const changed: User = {
    ...user,
    role,
    jurisdiction,
    status,
    version: user.version + 1,
    updatedAt: at,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: tenant.id,
      action: "user.update",
      target: { type: "user", id: user.userId },
      before: user,
      after: changed,
    },
    now,
  );
  // A login exists only once the invitation was accepted. The identity provider follows the
  // record through the outbox, stated as the wanted state so a repeat changes nothing.
  const login: WriteStep[] =
    user.activatedAt && (input.status !== undefined || reclaimed)
      ? [
          outboxStep(
            tenant.id,
            {
              channel: "identity",
              email: user.email,
              ...(input.status === undefined ? {} : { enabled: changed.status === "active" }),
              ...(reclaimed ? { claims: { role, jurisdiction, previousRole: user.role } } : {}),
            },
            now,
          ),
        ]
      : [];
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.user
          .put({
            tenantId: tenant.id,
            userId: user.userId,
            version: changed.version,
            record: changed,
          })
          .where(({ version }, { eq }) => eq(version, user.version))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
    ...login,
  ]);
  return changed;
}
