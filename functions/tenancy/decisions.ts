import type { Caller, Jurisdiction } from "../../shared/tenancy/claims.ts";
import type { DecisionInput } from "../../shared/tenancy/requests.ts";
import { covers } from "../../shared/tenancy/scope.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import type { Page } from "../../shared/tenancy/views.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { placePartitions } from "../platform/data/place-partitions.ts";
import { auditStep, type WriteStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";
import { notFound, TenancyConflictError } from "./errors.ts";
import { issueInvitation } from "./invitations.ts";
import { rejectionMail } from "./mail-texts.ts";
import {
  enterpriseJurisdiction,
  loadTenant,
  placeOfTenant,
  tenantReplace,
} from "./tenant-records.ts";

/**
 * The sign-ups awaiting the caller: one query per index partition the jurisdiction plans
 * (district queue by street prefix, industry queue by district/street prefix) — the queues are
 * sparse indexes holding only `pending` tenants, so nothing outside the scope is read.
 */
export async function listSignups(
  store: Store,
  jurisdiction: Jurisdiction,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<Tenant>> {
  const entity = store.entities.tenant;
  const partitions = placePartitions(jurisdiction, (place) =>
    place.index === "district"
      ? entity.query.signupsByDistrict(place.keys)
      : entity.query.signupsByIndustry(place.keys),
  );
  return walkPartitions(partitions, query.cursor, query.limit);
}

function notPending(): TenancyConflictError {
  return new TenancyConflictError("signup", {
    zh: "该注册申请已处理",
    en: "This sign-up has already been decided",
  });
}

/**
 * Approves a pending sign-up: the tenant turns active and its applicant is invited as the
 * enterprise admin, in one transaction with the audit record; then the invitation is mailed.
 */
export async function approveSignup(
  store: Store,
  caller: Caller,
  tenant: Tenant,
  comment: string | undefined,
  origin: string,
  now: Date,
): Promise<Tenant> {
  if (tenant.status !== "pending" || !tenant.applicant) throw notPending();
  const at = now.toISOString();
  const approved: Tenant = {
    ...tenant,
    status: "active",
    decision: { by: caller.userId, at, ...(comment ? { comment } : {}) },
    version: tenant.version + 1,
    updatedAt: at,
  };
  const invitation = issueInvitation(
    caller,
    {
      tenantId: tenant.id,
      tenantName: tenant.name,
      email: tenant.applicant.email,
      name: tenant.applicant.name,
      role: "enterpriseAdmin",
      jurisdiction: enterpriseJurisdiction(tenant),
    },
    now,
    origin,
  );
  const audit = auditRecord(
    caller,
    {
      tenantId: tenant.id,
      action: "tenant.approve",
      target: { type: "tenant", id: tenant.id },
      before: tenant,
      after: approved,
    },
    now,
  );
  await writeTogether(store, [
    { action: (tx) => tenantReplace(tx, approved, tenant.version), onConflict: staleVersion },
    ...invitation.steps,
    auditStep(audit),
  ]);
  return approved;
}

/**
 * What a rejection leaves. A sign-up of its own ends `rejected`. One that took over a census
 * pre-registration hands the tenant back to the census as `preregistered`, without the rejected
 * applicant or the takeover mark (a new sign-up sets both again): rejecting the applicant must not
 * strand the census data on a dead tenant.
 */
function afterRejection(
  tenant: Tenant,
  decision: NonNullable<Tenant["decision"]>,
  at: string,
): Tenant {
  const change = { decision, version: tenant.version + 1, updatedAt: at };
  if (tenant.claimedFrom !== "census") return { ...tenant, ...change, status: "rejected" };
  const { applicant: _applicant, claimedFrom: _claimedFrom, ...census } = tenant;
  return { ...census, ...change, status: "preregistered" };
}

/**
 * Rejects a pending sign-up. The credit code's claim is released in the same transaction, so
 * the enterprise may apply again with corrected details — except for a census pre-registration,
 * which keeps it: the claim is how the census import and the next sign-up find that tenant again.
 */
async function rejectSignup(
  store: Store,
  caller: Caller,
  tenant: Tenant,
  comment: string | undefined,
  now: Date,
): Promise<Tenant> {
  const at = now.toISOString();
  const decision = { by: caller.userId, at, ...(comment ? { comment } : {}) };
  const rejected: Tenant = afterRejection(tenant, decision, at);
  const audit = auditRecord(
    caller,
    {
      tenantId: tenant.id,
      action: "tenant.reject",
      target: { type: "tenant", id: tenant.id },
      before: tenant,
      after: rejected,
    },
    now,
  );
  const uscc = tenant.uscc;
  const release: WriteStep[] =
    uscc && rejected.status === "rejected"
      ? [{ action: (tx) => tx.uniqueClaim.delete({ kind: "uscc", value: uscc }).commit() }]
      : [];
  const notice: WriteStep[] = tenant.applicant
    ? [
        outboxStep(
          tenant.id,
          {
            channel: "mail",
            mail: rejectionMail({
              email: tenant.applicant.email,
              name: tenant.applicant.name,
              tenantName: tenant.name,
              comment,
            }),
          },
          now,
        ),
      ]
    : [];
  await writeTogether(store, [
    { action: (tx) => tenantReplace(tx, rejected, tenant.version), onConflict: staleVersion },
    ...release,
    auditStep(audit),
    ...notice,
  ]);
  return rejected;
}

/**
 * An official decides a sign-up in their jurisdiction. Outside it — or for a tenant that is not
 * an enterprise — the answer is 404, the same as for a tenant that does not exist.
 */
export async function decideSignup(
  store: Store,
  caller: Caller,
  jurisdiction: Jurisdiction,
  tenantId: string,
  input: DecisionInput,
  expectedVersion: number,
  origin: string,
  now: Date = new Date(),
): Promise<Tenant> {
  const found = await loadTenant(store, tenantId);
  const place = found ? placeOfTenant(found.record) : undefined;
  if (!found || !place || !covers(jurisdiction, place)) throw notFound.signup();
  const tenant = found.record;
  if (tenant.status !== "pending") throw notPending();
  if (tenant.version !== expectedVersion) throw staleVersion();
  return input.decision === "approve"
    ? approveSignup(store, caller, tenant, input.comment, origin, now)
    : rejectSignup(store, caller, tenant, input.comment, now);
}
