import { type Caller, formatJurisdiction, isNoJurisdiction } from "../../shared/tenancy/claims.ts";
import { isJurisdiction, parseKnownJurisdiction } from "../../shared/tenancy/membership.ts";
import type { TenantCreateInput } from "../../shared/tenancy/requests.ts";
import type { Tenant, TenantKind } from "../../shared/tenancy/tenant.ts";
import type { AgencyView, Page } from "../../shared/tenancy/views.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { auditStep, type WriteStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { TenancyInvalidError } from "./errors.ts";
import { newTenantId } from "./ids.ts";
import { issueInvitation } from "./invitations.ts";
import { tenantItem } from "./tenant-records.ts";
import { checkMembership } from "./users.ts";

/**
 * The city admin creates a government body (with a jurisdiction checked against the catalogs)
 * or an assessment agency, active at once, and may invite its first user in the same
 * transaction.
 */
export async function createAgencyTenant(
  store: Store,
  caller: Caller,
  input: TenantCreateInput,
  origin: string,
  now: Date = new Date(),
): Promise<Tenant> {
  let jurisdiction: string | undefined;
  if (input.kind === "government") {
    const parsed = parseKnownJurisdiction(input.jurisdiction);
    if (!isJurisdiction(parsed)) {
      throw new TenancyInvalidError("tenant.invalidJurisdiction", "body.jurisdiction", parsed);
    }
    // `;` alone once parsed as the whole city; a government body names its reach, `*` included.
    if (isNoJurisdiction(parsed)) {
      throw new TenancyInvalidError("tenant.invalidJurisdiction", "body.jurisdiction", {
        zh: "须指定管辖范围（全市为 *）",
        en: "A jurisdiction is required (* for the whole city)",
      });
    }
    jurisdiction = formatJurisdiction(parsed);
  }
  const at = now.toISOString();
  const tenant: Tenant = {
    id: newTenantId(),
    version: 1,
    createdAt: at,
    updatedAt: at,
    kind: input.kind,
    status: "active",
    name: input.name,
    ...(jurisdiction === undefined ? {} : { jurisdiction }),
  };
  const first = input.firstUser;
  const invitation = first
    ? issueInvitation(
        caller,
        {
          tenantId: tenant.id,
          tenantName: tenant.name,
          email: first.email,
          name: first.name,
          role: first.role,
          jurisdiction: checkMembership(tenant, first.role, first.jurisdiction),
        },
        now,
        origin,
      )
    : undefined;
  const audit = auditRecord(
    caller,
    {
      tenantId: tenant.id,
      action: "tenant.create",
      target: { type: "tenant", id: tenant.id },
      after: tenant,
    },
    now,
  );
  const steps: WriteStep[] = [
    { action: (tx) => tx.tenant.create(tenantItem(tenant)).commit() },
    ...(invitation?.steps ?? []),
    auditStep(audit),
  ];
  await writeTogether(store, steps);
  return tenant;
}

/** Tenants of one kind for the city admin (the by-kind index). */
export function listTenants(
  store: Store,
  query: { kind: TenantKind; cursor?: string | undefined; limit: number },
): Promise<Page<Tenant>> {
  return walkPartitions(
    [
      {
        id: `kind:${query.kind}`,
        read: async (cursor, limit) => {
          const page = await store.entities.tenant.query
            .byKind({ kind: query.kind })
            .go({ cursor, limit });
          return { items: page.data.map((d) => d.record), cursor: page.cursor };
        },
      },
    ],
    query.cursor,
    query.limit,
  );
}

/** Active assessment agencies, for an enterprise choosing whom to delegate to. */
export async function listAgencies(
  store: Store,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<AgencyView>> {
  return walkPartitions(
    [
      {
        id: "agencies",
        read: async (cursor, limit) => {
          const page = await store.entities.tenant.query
            .byKind({ kind: "assessmentAgency" })
            .where(({ status }, { eq }) => eq(status, "active"))
            .go({ cursor, limit });
          return {
            items: page.data.map((d) => ({ tenantId: d.tenantId, name: d.record.name })),
            cursor: page.cursor,
          };
        },
      },
    ],
    query.cursor,
    query.limit,
  );
}
