import { ulid } from "ulidx";
import { GB6441_1986 } from "../../shared/catalogs/accident-types.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { type Enterprise, placeOfEnterprise } from "../../shared/risk/enterprise.ts";
import {
  type RiskSource,
  type RiskSourceCreateInput,
  RiskSourceSchema,
  type RiskSourceUpdateInput,
} from "../../shared/risk/risk-source.ts";
import { governedEdits, SupervisionGovernedError } from "../../shared/risk/supervision-change.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { actorOf, auditRecord } from "../audit/audit-log.ts";
import { storeForScope } from "../platform/data/request-store.ts";
import { auditStep, writeOnce, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { indicatorRemovalStep } from "../warnings/indicator-removal.ts";
import { sourceRemovalWarningSteps } from "../warnings/source-removal.ts";
import { loadEnterprise } from "./enterprise-item.ts";
import { registeredEventSteps } from "./registry-events.ts";
import { riskSourceItem } from "./risk-source-item.ts";
import { loadSource, ownerOf, placeOfSource, sourceNotFound } from "./source-reach.ts";

function ownTenant(scope: Scope, id?: string): string {
  if (scope.kind !== "tenant" || (id !== undefined && ownerOf(id) !== scope.tenantId)) {
    throw sourceNotFound();
  }
  return scope.tenantId;
}

async function ensureEnterprise(store: Store, tenantId: string): Promise<Enterprise> {
  const enterprise = await loadEnterprise(store, tenantId);
  if (!enterprise) {
    throw new NotFoundError({
      zh: "请先完善企业信息，再登记风险源",
      en: "Register the enterprise profile before its risk sources",
    });
  }
  return enterprise;
}

const SOURCE_PLACE_PATHS = {
  district: "supervision.district",
  street: "supervision.street",
  industry: "industry",
} as const;
const BODY_PLACE_PATHS = {
  district: `body.${SOURCE_PLACE_PATHS.district}`,
  street: `body.${SOURCE_PLACE_PATHS.street}`,
  industry: `body.${SOURCE_PLACE_PATHS.industry}`,
} as const;

/**
 * Where a new source's supervision departs from its enterprise's (fields as the source's own
 * paths). A new source is supervised where its enterprise is: the government assigned that
 * place, and an enterprise may not hand its sources to supervisors of its own choosing. A source
 * elsewhere (a branch site, another industry's installation) is registered and then moved with a
 * supervision change request the receiving official approves.
 */
export function foreignSupervision(enterprise: Enterprise, input: RiskSourceCreateInput) {
  return governedEdits(
    placeOfEnterprise(enterprise),
    { ...input.supervision, industry: input.industry },
    SOURCE_PLACE_PATHS,
  );
}

function refuseForeignSupervision(enterprise: Enterprise, input: RiskSourceCreateInput): void {
  const issues = foreignSupervision(enterprise, input).map((i) => ({
    ...i,
    path: `body.${i.path}`,
  }));
  if (issues.length > 0) throw new SupervisionGovernedError(issues);
}

/** Builds a new source record; its level comes only from assessments. */
export function newRiskSource(
  tenantId: string,
  input: RiskSourceCreateInput,
  now: Date,
): RiskSource {
  const at = now.toISOString();
  return {
    ...input,
    id: `${tenantId}~${ulid(now.getTime())}`,
    tenantId,
    enterpriseId: tenantId,
    accidentTypeCatalog: { id: GB6441_1986.id, version: GB6441_1986.version },
    currentLevel: null,
    inherentLevel: null,
    lastAssessment: null,
    nextReviewAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Registers a source of the caller's enterprise with its audit record, in one transaction. With a
 * `requestId` (an Idempotency-Key's), a re-run of the same request answers the source it created.
 */
export async function registerRiskSource(
  caller: Caller,
  scope: Scope,
  input: RiskSourceCreateInput,
  now = new Date(),
  requestId?: string,
): Promise<RiskSource> {
  const tenantId = ownTenant(scope);
  const store = storeForScope(scope);
  refuseForeignSupervision(await ensureEnterprise(store, tenantId), input);
  const record = newRiskSource(tenantId, input, now);
  const audit = auditRecord(
    caller,
    {
      tenantId,
      action: "riskSource.create",
      target: { type: "riskSource", id: record.id },
      after: record,
    },
    now,
  );
  const written = await writeOnce(
    store,
    [
      { action: (tx) => tx.riskSource.create(riskSourceItem(record)).commit() },
      auditStep(audit),
      ...registeredEventSteps(record, now),
    ],
    requestId === undefined ? undefined : { tenantId, request: requestId },
    record.id,
    now,
  );
  if (!written.replayed) return record;
  const first = await loadSource(store, tenantId, written.resultId);
  if (!first) throw sourceNotFound();
  return first;
}

/** Changes a source's description if nobody changed it since `expected` (optimistic lock). */
export async function updateRiskSource(
  caller: Caller,
  scope: Scope,
  id: string,
  changes: RiskSourceUpdateInput,
  expected: number,
  now = new Date(),
): Promise<RiskSource> {
  const tenantId = ownTenant(scope, id);
  const store = storeForScope(scope);
  const before = await loadSource(store, tenantId, id);
  if (!before) throw sourceNotFound();
  const issues = governedEdits(
    placeOfSource(before),
    {
      district: changes.supervision?.district ?? before.supervision.district,
      street: changes.supervision?.street ?? before.supervision.street,
      industry: changes.industry ?? before.industry,
    },
    BODY_PLACE_PATHS,
  );
  if (issues.length > 0) throw new SupervisionGovernedError(issues);
  if (before.version !== expected) throw staleVersion();
  const parsed = RiskSourceSchema.safeParse({
    ...before,
    ...changes,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  });
  if (!parsed.success) {
    throw new ValidationError({
      zh: "修改后的风险源无效",
      en: "The changed risk source is invalid",
    });
  }
  const after = parsed.data;
  const audit = auditRecord(
    caller,
    { tenantId, action: "riskSource.update", target: { type: "riskSource", id }, before, after },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.riskSource
          .put(riskSourceItem(after))
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
  ]);
  return after;
}

/**
 * Removes a source; its assessments and audit trail stay, its live warnings are cleared in the
 * same unit of work, and its indicators are deleted after it through the outbox (their readings
 * are refused from the removal on).
 */
export async function removeRiskSource(
  caller: Caller,
  scope: Scope,
  id: string,
  expected: number,
  now = new Date(),
): Promise<void> {
  const tenantId = ownTenant(scope, id);
  const store = storeForScope(scope);
  const before = await loadSource(store, tenantId, id);
  if (!before) throw sourceNotFound();
  if (before.version !== expected) throw staleVersion();
  const audit = auditRecord(
    caller,
    { tenantId, action: "riskSource.delete", target: { type: "riskSource", id }, before },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.riskSource
          .delete({ tenantId, id })
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
    ...(await sourceRemovalWarningSteps(store, tenantId, id, actorOf(caller), now)),
    indicatorRemovalStep(tenantId, id, now),
  ]);
}
