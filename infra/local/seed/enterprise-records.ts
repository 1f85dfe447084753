import { enterpriseItem } from "../../../functions/registry/enterprise-item.ts";
import { tenantItem } from "../../../functions/tenancy/tenant-records.ts";
import type { Enterprise } from "../../../shared/risk/enterprise.ts";
import type { Tenant } from "../../../shared/tenancy/tenant.ts";

export type TenantItem = ReturnType<typeof tenantItem>;
export type EnterpriseItem = ReturnType<typeof enterpriseItem>;
export interface UsccClaimItem {
  kind: "uscc";
  value: string;
  tenantId: string;
  ownerId: string;
}

/** The items an approved enterprise sign-up leaves: tenant, profile and the claim of its code. */
export interface EnterpriseItems {
  tenant: TenantItem;
  enterprise: EnterpriseItem;
  claim: UsccClaimItem;
}

/**
 * An enterprise whose sign-up was approved (functions/tenancy: created `pending` at version 1,
 * approved to `active` at version 2), with its profile and the claim of its credit code.
 */
export function approvedEnterprise(profile: Enterprise, approvedAt: string): EnterpriseItems {
  const tenant: Tenant = {
    id: profile.tenantId,
    version: 2,
    createdAt: profile.createdAt,
    updatedAt: approvedAt,
    kind: "enterprise",
    status: "active",
    name: profile.name,
    uscc: profile.uscc,
    district: profile.district,
    street: profile.street,
    industry: profile.industry,
    decision: { by: "system:auto-approval", at: approvedAt },
  };
  return {
    tenant: tenantItem(tenant),
    enterprise: enterpriseItem(profile),
    claim: {
      kind: "uscc",
      value: profile.uscc,
      tenantId: profile.tenantId,
      ownerId: profile.tenantId,
    },
  };
}
