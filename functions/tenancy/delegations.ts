import type { Caller } from "../../shared/tenancy/claims.ts";
import { type Delegation, delegationActive } from "../../shared/tenancy/delegation.ts";
import { type DelegationCreateInput, MAX_DELEGATION_DAYS } from "../../shared/tenancy/requests.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { DelegationView, Page } from "../../shared/tenancy/views.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { auditStep, type TxEntities, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { notFound, TenancyConflictError, TenancyInvalidError } from "./errors.ts";
import { newDelegationId } from "./ids.ts";

const DAY_MS = 24 * 3600 * 1000;

/** The stored item of a delegation (also written by the demo seed). */
export function delegationItem(d: Delegation) {
  return {
    tenantId: d.tenantId,
    id: d.id,
    agencyTenantId: d.agencyTenantId,
    version: d.version,
    record: d,
  };
}

function delegationPut(tx: TxEntities, d: Delegation, expectedVersion: number) {
  return tx.delegation
    .put(delegationItem(d))
    .where(({ version }, { eq }) => eq(version, expectedVersion))
    .commit();
}

async function checkAgency(agencyTenantId: string): Promise<void> {
  const { data } = await functionStore().entities.tenant.get({ tenantId: agencyTenantId }).go();
  if (data?.record.kind !== "assessmentAgency" || data.record.status !== "active") {
    throw new TenancyInvalidError("delegation.invalidAgency", "body.agencyTenantId", {
      zh: "评估机构不存在或未启用",
      en: "No such active assessment agency",
    });
  }
}

async function checkOwnSources(store: Store, tenantId: string, ids: readonly string[]) {
  const { data } = await store.entities.riskSource.get(ids.map((id) => ({ tenantId, id }))).go();
  const found = new Set(data.map((d) => d.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new TenancyInvalidError("delegation.invalidSources", "body.riskSourceIds", {
      zh: `以下风险源不属于本企业：${unknown.join("、")}`,
      en: `Not risk sources of this enterprise: ${unknown.join(", ")}`,
    });
  }
}

function checkExpiry(expiresAt: string, now: Date): string {
  const at = Date.parse(expiresAt);
  if (at <= now.getTime() || at > now.getTime() + MAX_DELEGATION_DAYS * DAY_MS) {
    throw new TenancyInvalidError("delegation.invalidExpiry", "body.expiresAt", {
      zh: "到期时间须晚于当前时间且不超过一年",
      en: "The expiry must lie in the future and within one year",
    });
  }
  return new Date(at).toISOString();
}

/**
 * An enterprise admin lets an active assessment agency act on some of its own risk sources
 * until an expiry at most a year away. Sources are checked in the enterprise's own partition.
 */
export async function grantDelegation(
  caller: Caller,
  scope: Scope,
  input: DelegationCreateInput,
  now: Date = new Date(),
): Promise<DelegationView> {
  const expiresAt = checkExpiry(input.expiresAt, now);
  await checkAgency(input.agencyTenantId);
  const store = storeForScope(scope);
  await checkOwnSources(store, caller.tenantId, input.riskSourceIds);
  const at = now.toISOString();
  const delegation: Delegation = {
    id: newDelegationId(),
    tenantId: caller.tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    agencyTenantId: input.agencyTenantId,
    riskSourceIds: input.riskSourceIds,
    expiresAt,
    revokedAt: null,
    grantedBy: caller.userId,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: caller.tenantId,
      action: "delegation.grant",
      target: { type: "delegation", id: delegation.id },
      after: delegation,
    },
    now,
  );
  await writeTogether(store, [
    { action: (tx) => tx.delegation.create(delegationItem(delegation)).commit() },
    auditStep(audit),
  ]);
  return { ...delegation, active: true };
}

async function tenantNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await functionStore()
    .entities.tenant.get(unique.map((tenantId) => ({ tenantId })))
    .go();
  return new Map(data.map((d) => [d.tenantId, d.record.name]));
}

/**
 * Delegations as the caller sees them: an enterprise those it granted (its own partition), an
 * assessor those their agency received (the by-agency index), each marked active or not.
 */
export async function listDelegations(
  caller: Caller,
  scope: Scope,
  query: { cursor?: string | undefined; limit: number },
  now: Date = new Date(),
): Promise<Page<DelegationView>> {
  const received = scope.kind === "agency";
  const store = received ? functionStore() : storeForScope(scope);
  const page = await walkPartitions(
    [
      {
        id: received ? `agency:${caller.tenantId}` : `granted:${caller.tenantId}`,
        read: async (cursor, limit) => {
          const q = received
            ? store.entities.delegation.query.byAgency({ agencyTenantId: caller.tenantId })
            : store.entities.delegation.query.byTenant({ tenantId: caller.tenantId });
          const result = await q.go({ cursor, limit });
          return { items: result.data.map((d) => d.record), cursor: result.cursor };
        },
      },
    ],
    query.cursor,
    query.limit,
  );
  const names = await tenantNames(
    page.items.map((d) => (received ? d.tenantId : d.agencyTenantId)),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((d) => {
      const name = names.get(received ? d.tenantId : d.agencyTenantId);
      return {
        ...d,
        active: delegationActive(d, now),
        ...(name === undefined ? {} : received ? { enterpriseName: name } : { agencyName: name }),
      };
    }),
  };
}

/** Revokes a delegation at once (If-Match with its version); the agency loses reach. */
export async function revokeDelegation(
  caller: Caller,
  scope: Scope,
  id: string,
  expectedVersion: number,
  now: Date = new Date(),
): Promise<DelegationView> {
  const store = storeForScope(scope);
  const { data } = await store.entities.delegation.get({ tenantId: caller.tenantId, id }).go();
  if (!data) throw notFound.delegation();
  const before = data.record;
  if (before.version !== expectedVersion) throw staleVersion();
  if (before.revokedAt !== null) {
    throw new TenancyConflictError("delegation", {
      zh: "委托已撤销",
      en: "The delegation is already revoked",
    });
  }
  const at = now.toISOString();
  const revoked: Delegation = {
    ...before,
    revokedAt: at,
    version: before.version + 1,
    updatedAt: at,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: caller.tenantId,
      action: "delegation.revoke",
      target: { type: "delegation", id },
      before,
      after: revoked,
    },
    now,
  );
  await writeTogether(store, [
    { action: (tx) => delegationPut(tx, revoked, before.version), onConflict: staleVersion },
    auditStep(audit),
  ]);
  return { ...revoked, active: false };
}
