import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { auditItem, auditRecord } from "../audit/audit-log.ts";
import { storeForScope } from "../platform/data/request-store.ts";

/**
 * Everything in the caller's tenant partition (`T#<tenantId>`), for its own admin: read entity
 * by entity through the tenant-confined store, unmasked (it is their own data). The export is
 * recorded in the audit trail after it is read.
 */
export async function exportTenant(caller: Caller, scope: Scope, now: Date = new Date()) {
  const store = storeForScope(scope);
  const tenantId = caller.tenantId;
  const all = { pages: "all" } as const;
  const [tenant, enterprise, users, riskSources, assessments, delegations, auditRecords] =
    await Promise.all([
      store.entities.tenant.get({ tenantId }).go(),
      store.entities.enterprise.get({ tenantId }).go(),
      store.entities.user.query.byTenant({ tenantId }).go(all),
      store.entities.riskSource.query.byTenant({ tenantId }).go(all),
      store.entities.assessment.query.bySource({ tenantId }).go(all),
      store.entities.delegation.query.byTenant({ tenantId }).go(all),
      store.entities.auditRecord.query.byTenant({ tenantId }).go(all),
    ]);
  const audit = auditRecord(
    caller,
    { tenantId, action: "tenant.export", target: { type: "tenant", id: tenantId } },
    now,
  );
  await store.entities.auditRecord.create(auditItem(audit)).go();
  return {
    exportedAt: now.toISOString(),
    tenantId,
    tenant: tenant.data?.record ?? null,
    enterprise: enterprise.data?.record ?? null,
    users: users.data.map((d) => d.record),
    riskSources: riskSources.data.map((d) => d.record),
    assessments: assessments.data.map((d) => d.record),
    delegations: delegations.data.map((d) => d.record),
    auditRecords: auditRecords.data.map((d) => d.record),
  };
}
