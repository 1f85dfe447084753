import type { Place } from "../tenancy/scope.ts";
import type { TenantStatus } from "../tenancy/tenant.ts";
import { type SourceContribution, standingOf } from "./contribution.ts";
import {
  EMPTY_ROLLUP,
  type EnterpriseContribution,
  type EnterpriseRollup,
  enterpriseContributionOf,
  withSourceMoved,
} from "./enterprise-coverage.ts";

export interface RegistrySource {
  tenantId: string;
  sourceId: string;
  contribution: SourceContribution;
}

export interface ReviewNoticeRef {
  tenantId: string;
  sourceId: string;
  dueAt: string;
}

/** An enterprise tenant's status and its profile's place, as the registry has them. */
export interface RegistryEnterprise {
  tenantId: string;
  status: TenantStatus | null;
  place: Place | null;
}

/**
 * Every enterprise's coverage as the registry has it — its tenant status, its profile, its
 * sources and the review notices left for them — for the reconciliation and the property
 * test's oracle.
 */
export function enterpriseContributions(
  enterprises: Iterable<RegistryEnterprise>,
  sources: Iterable<RegistrySource>,
  notices: Iterable<ReviewNoticeRef>,
): EnterpriseContribution[] {
  const noticed = new Map<string, string[]>();
  for (const n of notices) {
    const key = `${n.tenantId}#${n.sourceId}`;
    noticed.set(key, [...(noticed.get(key) ?? []), n.dueAt]);
  }
  const rollups = new Map<string, EnterpriseRollup>();
  for (const { tenantId, status, place } of enterprises) {
    rollups.set(tenantId, { ...EMPTY_ROLLUP, status, place });
  }
  for (const s of sources) {
    const rollup = rollups.get(s.tenantId);
    if (!rollup) continue;
    const standing = standingOf(s.contribution, noticed.get(`${s.tenantId}#${s.sourceId}`) ?? []);
    rollups.set(s.tenantId, withSourceMoved(rollup, null, standing));
  }
  return [...rollups.values()]
    .map(enterpriseContributionOf)
    .filter((c): c is EnterpriseContribution => c !== null);
}
