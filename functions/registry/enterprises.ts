import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import {
  type Enterprise,
  type EnterpriseCoverage,
  EnterpriseSchema,
  type EnterpriseUpdateInput,
  placeOfEnterprise,
} from "../../shared/risk/enterprise.ts";
import type { EnterpriseListQuery } from "../../shared/risk/list-query.ts";
import { governedEdits, SupervisionGovernedError } from "../../shared/risk/supervision-change.ts";
import type { EnterpriseStage } from "../../shared/stats/enterprise-coverage.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import {
  covers,
  type JurisdictionQuery,
  jurisdictionQueryKey,
  type Place,
  placeKeys,
  planJurisdictionQueries,
  type Scope,
} from "../../shared/tenancy/scope.ts";
import { batchRead } from "../adapters/dynamodb/batch-read.ts";
import { SHARDS } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord, recordReads } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { auditStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { enterpriseCoverage, tenantsAtStage } from "../stats/enterprise-coverage-reader.ts";
import { delegatedSources } from "../tenancy/delegation-access.ts";
import { enterpriseItem, loadEnterprise } from "./enterprise-item.ts";
import type { Page } from "./risk-source-listing.ts";

function enterpriseNotFound(): NotFoundError {
  return new NotFoundError({ zh: "企业不存在", en: "Enterprise not found" });
}

/**
 * One enterprise the caller may reach: its own users, an agency holding a live delegation from
 * it, or an official whose jurisdiction covers it (audited); 404 otherwise.
 */
export async function reachEnterprise(
  caller: Caller,
  scope: Scope,
  tenantId: string,
): Promise<Enterprise> {
  if (scope.kind === "tenant") {
    if (tenantId !== scope.tenantId) throw enterpriseNotFound();
    const own = await loadEnterprise(storeForScope(scope), tenantId);
    if (!own) throw enterpriseNotFound();
    return own;
  }
  const store = functionStore();
  if (scope.kind === "agency") {
    const reach = await delegatedSources(store, scope.tenantId);
    if (!reach.has(tenantId)) throw enterpriseNotFound();
    const found = await loadEnterprise(store, tenantId);
    if (!found) throw enterpriseNotFound();
    return found;
  }
  const found = await loadEnterprise(store, tenantId);
  if (!found || !covers(scope.jurisdiction, placeOfEnterprise(found))) throw enterpriseNotFound();
  await recordReads(store, caller, [{ tenantId, target: { type: "enterprise", id: tenantId } }]);
  return found;
}

/**
 * District, street and industry name the enterprise's supervisors: the government assigns them
 * (a supervision change request), so a profile edit may repeat them but never change them.
 */
function refuseSupervisionEdits(before: Enterprise, changes: EnterpriseUpdateInput): void {
  const current = placeOfEnterprise(before);
  const issues = governedEdits(
    current,
    { ...current, ...pickPlace(changes) },
    { district: "body.district", street: "body.street", industry: "body.industry" },
  );
  if (issues.length > 0) throw new SupervisionGovernedError(issues);
}

function pickPlace(changes: EnterpriseUpdateInput): Partial<Place> {
  return {
    ...(changes.district === undefined ? {} : { district: changes.district }),
    ...(changes.street === undefined ? {} : { street: changes.street }),
    ...(changes.industry === undefined ? {} : { industry: changes.industry }),
  };
}

/** Changes the caller's own enterprise profile under optimistic locking, with its audit record. */
export async function updateOwnEnterprise(
  caller: Caller,
  scope: Scope,
  changes: EnterpriseUpdateInput,
  expected: number,
  now = new Date(),
): Promise<Enterprise> {
  const before = await reachEnterprise(caller, scope, scope.tenantId);
  refuseSupervisionEdits(before, changes);
  if (before.version !== expected) throw staleVersion();
  const parsed = EnterpriseSchema.safeParse({
    ...before,
    ...changes,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  });
  if (!parsed.success) {
    throw new ValidationError({ zh: "修改后的企业信息无效", en: "The changed profile is invalid" });
  }
  const after = parsed.data;
  const audit = auditRecord(
    caller,
    {
      tenantId: after.tenantId,
      action: "enterprise.update",
      target: { type: "enterprise", id: after.tenantId },
      before,
      after,
    },
    now,
  );
  await writeTogether(storeForScope(scope), [
    {
      action: (tx) =>
        tx.enterprise
          .put(enterpriseItem(after))
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
  ]);
  return after;
}

/** A directory row as a partition reads it: the enterprise, and its coverage where read with it. */
interface Listed {
  enterprise: Enterprise;
  coverage?: EnterpriseCoverage;
}

function enterprisePartition(
  store: Store,
  plan: JurisdictionQuery,
  shard: number,
): Partition<Listed> {
  const entity = store.entities.enterprise;
  return {
    id: `${jurisdictionQueryKey(plan)}:${shard}`,
    read: async (cursor, limit) => {
      const place = placeKeys(plan);
      const query =
        place.index === "district"
          ? entity.query.byDistrict({ ...place.keys, shard })
          : entity.query.byIndustry({ ...place.keys, shard });
      const page = await query.go({ cursor, limit });
      return { items: page.data.map((d) => ({ enterprise: d.record })), cursor: page.cursor };
    },
  };
}

/**
 * Enterprises at one coverage stage in one partition of a jurisdiction query, each with its
 * coverage read from the same rollups the filter reads (no second read for the page).
 */
function stagePartition(
  store: Store,
  plan: JurisdictionQuery,
  stage: EnterpriseStage,
  shard: number,
): Partition<Listed> {
  return {
    id: `stage:${stage}:${jurisdictionQueryKey(plan)}:${shard}`,
    read: async (cursor, limit) => {
      const page = await tenantsAtStage(store, plan, stage, shard, cursor, limit);
      const keys = page.tenantIds.map((tenantId) => ({ tenantId }));
      const found = await batchRead(keys, (batch) => store.entities.enterprise.get(batch).go());
      const byTenant = new Map(found.map((e) => [e.tenantId, e.record]));
      const items = page.tenantIds.flatMap((id) => {
        const enterprise = byTenant.get(id);
        const coverage = page.coverage.get(id);
        return enterprise ? [{ enterprise, ...(coverage ? { coverage } : {}) }] : [];
      });
      return { items, cursor: page.cursor };
    },
  };
}

/**
 * Enterprises in an official's jurisdiction, read from the scope-built index queries; with a
 * stage filter, their coverage too (read from the same rollups the filter reads).
 */
export async function listEnterprises(
  caller: Caller,
  scope: Scope,
  query: EnterpriseListQuery,
): Promise<Page<Enterprise> & { coverage?: ReadonlyMap<string, EnterpriseCoverage> }> {
  if (scope.kind !== "jurisdiction") {
    const own =
      scope.kind === "tenant"
        ? await loadEnterprise(storeForScope(scope), scope.tenantId)
        : undefined;
    if (!own || query.stage === undefined) return { items: own ? [own] : [], nextCursor: null };
    const coverage = await enterpriseCoverage(functionStore(), [own.tenantId]);
    const atStage = coverage.get(own.tenantId)?.stage === query.stage;
    return { items: atStage ? [own] : [], nextCursor: null, coverage };
  }
  const store = functionStore();
  const plans = planJurisdictionQueries(scope.jurisdiction, {
    ...(query.district === undefined ? {} : { district: query.district }),
    ...(query.street === undefined ? {} : { street: query.street }),
    ...(query.industry === undefined ? {} : { industry: query.industry }),
  });
  const { stage } = query;
  const partitions = plans.flatMap((plan) =>
    SHARDS.map((shard) =>
      stage === undefined
        ? enterprisePartition(store, plan, shard)
        : stagePartition(store, plan, stage, shard),
    ),
  );
  const page = await walkPartitions(partitions, query.cursor, query.limit);
  const items = page.items.map((row) => row.enterprise);
  await recordReads(
    store,
    caller,
    items.map((e) => ({ tenantId: e.tenantId, target: { type: "enterprise", id: e.tenantId } })),
  );
  if (stage === undefined) return { items, nextCursor: page.nextCursor };
  const coverage = new Map(
    page.items.flatMap((row) => (row.coverage ? [[row.enterprise.tenantId, row.coverage]] : [])),
  );
  return { items, nextCursor: page.nextCursor, coverage };
}
