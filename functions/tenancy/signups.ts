import type { Enterprise } from "../../shared/risk/enterprise.ts";
import type { SignupInput } from "../../shared/tenancy/requests.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import type { SignupCreated } from "../../shared/tenancy/views.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import {
  auditStep,
  type TxEntities,
  type WriteStep,
  writeTogether,
} from "../platform/data/unit-of-work.ts";
import { enterpriseItem } from "../registry/enterprise-item.ts";
import { AUTO_APPROVAL, applicantActor } from "./actors.ts";
import { approveSignup } from "./decisions.ts";
import { TenancyConflictError } from "./errors.ts";
import { newTenantId } from "./ids.ts";
import { loadTenant, tenantItem, tenantReplace } from "./tenant-records.ts";

function usccTaken(): TenancyConflictError {
  return new TenancyConflictError("signup", {
    zh: "该统一社会信用代码已注册",
    en: "An enterprise with this unified social credit code is already registered",
  });
}

function emailRegistered(): TenancyConflictError {
  return new TenancyConflictError("signup", {
    zh: "管理员邮箱已被注册",
    en: "The admin e-mail address is already registered",
  });
}

function enterpriseOf(input: SignupInput, tenantId: string, version: number, at: string) {
  const { admin: _admin, ...profile } = input;
  const record: Enterprise = {
    ...profile,
    id: tenantId,
    tenantId,
    version,
    createdAt: at,
    updatedAt: at,
  };
  return record;
}

function enterprisePut(tx: TxEntities, record: Enterprise) {
  return tx.enterprise.put(enterpriseItem(record)).commit();
}

/** The census pre-registered this enterprise: its sign-up takes that tenant over. */
async function claimPreregistered(
  store: Store,
  input: SignupInput,
  existing: Tenant,
  now: Date,
): Promise<Tenant> {
  const at = now.toISOString();
  const tenant: Tenant = {
    ...existing,
    status: "pending",
    name: input.name,
    uscc: input.uscc,
    district: input.district,
    street: input.street,
    industry: input.industry,
    applicant: input.admin,
    claimedFrom: "census",
    version: existing.version + 1,
    updatedAt: at,
  };
  const { data: profile } = await store.entities.enterprise.get({ tenantId: existing.id }).go();
  const enterprise = enterpriseOf(input, existing.id, (profile?.version ?? 0) + 1, at);
  if (profile) enterprise.createdAt = profile.record.createdAt;
  const audit = auditRecord(
    applicantActor(existing.id, input.admin.email),
    {
      tenantId: existing.id,
      action: "tenant.signup",
      target: { type: "tenant", id: existing.id },
      before: existing,
      after: tenant,
    },
    now,
  );
  await writeTogether(store, [
    { action: (tx) => tenantReplace(tx, tenant, existing.version), onConflict: usccTaken },
    { action: (tx) => enterprisePut(tx, enterprise) },
    auditStep(audit),
  ]);
  return tenant;
}

async function createPending(store: Store, input: SignupInput, now: Date): Promise<Tenant> {
  const at = now.toISOString();
  const tenantId = newTenantId();
  const tenant: Tenant = {
    id: tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    kind: "enterprise",
    status: "pending",
    name: input.name,
    uscc: input.uscc,
    district: input.district,
    street: input.street,
    industry: input.industry,
    applicant: input.admin,
  };
  const audit = auditRecord(
    applicantActor(tenantId, input.admin.email),
    { tenantId, action: "tenant.signup", target: { type: "tenant", id: tenantId }, after: tenant },
    now,
  );
  const steps: WriteStep[] = [
    { action: (tx) => tx.tenant.create(tenantItem(tenant)).commit() },
    { action: (tx) => enterprisePut(tx, enterpriseOf(input, tenantId, 1, at)) },
    {
      action: (tx) =>
        tx.uniqueClaim
          .create({ kind: "uscc", value: input.uscc, tenantId, ownerId: tenantId })
          .commit(),
      onConflict: usccTaken,
    },
    auditStep(audit),
  ];
  await writeTogether(store, steps);
  return tenant;
}

/**
 * An enterprise signs up (public): tenant `pending`, its profile, the claim of its credit code
 * and the audit record in one transaction, so a second sign-up with the same code writes
 * nothing. A tenant pre-registered by the census import is taken over instead. With
 * auto-approval on, the sign-up is approved at once.
 */
export async function signUp(
  store: Store,
  input: SignupInput,
  origin: string,
  options: { autoApprove: boolean; now?: Date },
): Promise<SignupCreated> {
  const now = options.now ?? new Date();
  const { data: email } = await store.entities.uniqueClaim
    .get({ kind: "email", value: input.admin.email })
    .go();
  if (email) throw emailRegistered();
  const { data: claim } = await store.entities.uniqueClaim
    .get({ kind: "uscc", value: input.uscc })
    .go();
  let tenant: Tenant;
  if (claim) {
    const existing = await loadTenant(store, claim.tenantId);
    if (existing?.record.status !== "preregistered") throw usccTaken();
    tenant = await claimPreregistered(store, input, existing.record, now);
  } else {
    tenant = await createPending(store, input, now);
  }
  if (!options.autoApprove) return { tenantId: tenant.id, status: tenant.status };
  const approved = await approveSignup(store, AUTO_APPROVAL, tenant, undefined, origin, now);
  return { tenantId: approved.id, status: approved.status };
}
