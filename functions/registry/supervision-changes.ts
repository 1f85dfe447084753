import { ulid } from "ulidx";
import { ConflictError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import {
  type SupervisionChange,
  type SupervisionChangeInput,
  type SupervisionDecisionInput,
  samePlace,
} from "../../shared/risk/supervision-change.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord, recordReads } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { placePartitions } from "../platform/data/place-partitions.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { auditStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { loadEnterprise } from "./enterprise-item.ts";
import type { Page } from "./risk-source-listing.ts";
import { loadSource, ownerOf, sourceNotFound } from "./source-reach.ts";
import { planMove } from "./supervision-moves.ts";

function changeNotFound(): NotFoundError {
  // The same answer whether the request does not exist or lies outside the caller's reach.
  return new NotFoundError({
    zh: "监管变更申请不存在",
    en: "Supervision change request not found",
  });
}

/** The stored item: the record plus the requested place its pending queues are keyed by. */
export function changeItem(record: SupervisionChange) {
  return {
    tenantId: record.tenantId,
    id: record.id,
    status: record.status,
    district: record.to.district,
    street: record.to.street,
    industry: record.to.industry,
    version: record.version,
    record,
  };
}

async function loadChange(store: Store, id: string): Promise<SupervisionChange | undefined> {
  const tenantId = ownerOf(id);
  if (!tenantId) return undefined;
  const { data } = await store.entities.supervisionChange.get({ tenantId, id }).go();
  return data?.record;
}

async function ownChanges(store: Store, tenantId: string): Promise<SupervisionChange[]> {
  const { data } = await store.entities.supervisionChange.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.map((d) => d.record);
}

/** The target's current place and names, from the enterprise's own partition. */
async function currentOf(store: Store, tenantId: string, input: SupervisionChangeInput) {
  const enterprise = await loadEnterprise(store, tenantId);
  if (!enterprise) {
    throw new NotFoundError({ zh: "企业信息不存在", en: "No enterprise profile to change" });
  }
  if (input.target.type === "enterprise") {
    const { district, street, industry } = enterprise;
    return { enterprise, from: { district, street, industry }, targetName: enterprise.name };
  }
  const id = input.target.id;
  const source = ownerOf(id) === tenantId ? await loadSource(store, tenantId, id) : undefined;
  if (!source) throw sourceNotFound();
  const { district, street } = source.supervision;
  return {
    enterprise,
    from: { district, street, industry: source.industry },
    targetName: source.name,
  };
}

/**
 * An enterprise admin asks for new supervision of the enterprise or one of its sources. Nothing
 * moves yet: the current supervision stands until the official over the requested place
 * approves. One pending request per target.
 */
export async function requestSupervisionChange(
  caller: Caller,
  scope: Scope,
  input: SupervisionChangeInput,
  now = new Date(),
): Promise<SupervisionChange> {
  if (scope.kind !== "tenant") throw changeNotFound();
  const tenantId = scope.tenantId;
  const store = storeForScope(scope);
  const { enterprise, from, targetName } = await currentOf(store, tenantId, input);
  if (samePlace(from, input.to)) {
    throw new ValidationError({ zh: "申请的监管与当前相同", en: "Nothing to change" }, [
      {
        path: "body.to",
        code: "supervisionChange.invalidUnchanged",
        message: { zh: "与当前监管相同", en: "equals the current supervision" },
      },
    ]);
  }
  const sameTarget = (c: SupervisionChange) =>
    c.status === "pending" && JSON.stringify(c.target) === JSON.stringify(input.target);
  if ((await ownChanges(store, tenantId)).some(sameTarget)) {
    throw new ConflictError({
      zh: "该对象已有待审批的监管变更申请",
      en: "A supervision change of this target is already pending",
    });
  }
  const at = now.toISOString();
  const record: SupervisionChange = {
    id: `${tenantId}~${ulid(now.getTime())}`,
    tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    target: input.target,
    enterpriseName: enterprise.name,
    targetName,
    from,
    to: input.to,
    ...(input.industryDepartment ? { industryDepartment: input.industryDepartment } : {}),
    reason: input.reason,
    status: "pending",
    requestedBy: caller.userId,
    decision: null,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId,
      action: "supervisionChange.request",
      target: { type: "supervisionChange", id: record.id },
      after: record,
    },
    now,
  );
  await writeTogether(store, [
    { action: (tx) => tx.supervisionChange.create(changeItem(record)).commit() },
    auditStep(audit),
  ]);
  return record;
}

/**
 * Requests the caller sees: an enterprise its own (history, newest first); an official the
 * pending ones whose requested place their jurisdiction covers, from the sparse queues (audited).
 */
export async function listSupervisionChanges(
  caller: Caller,
  scope: Scope,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<SupervisionChange>> {
  if (scope.kind === "agency") return { items: [], nextCursor: null };
  if (scope.kind === "tenant") {
    const entity = storeForScope(scope).entities.supervisionChange;
    const own: Partition<SupervisionChange> = {
      id: `own:${scope.tenantId}`,
      read: async (cursor, limit) => {
        const page = await entity.query
          .byTenant({ tenantId: scope.tenantId })
          .go({ cursor, limit, order: "desc" });
        return { items: page.data.map((d) => d.record), cursor: page.cursor };
      },
    };
    return walkPartitions([own], query.cursor, query.limit);
  }
  const store = functionStore();
  const entity = store.entities.supervisionChange;
  const partitions = placePartitions(scope.jurisdiction, (place) =>
    place.index === "district"
      ? entity.query.pendingByDistrict(place.keys)
      : entity.query.pendingByIndustry(place.keys),
  );
  const page = await walkPartitions(partitions, query.cursor, query.limit);
  await recordReads(
    store,
    caller,
    page.items.map((c) => ({
      tenantId: c.tenantId,
      target: { type: "supervisionChange", id: c.id },
    })),
  );
  return page;
}

/**
 * The official over the requested place approves or rejects a pending request. Approval moves
 * the target (an enterprise with the sources that follow it) in the same transaction as the
 * request's decision and the audit record; a rejection leaves the supervision as it was.
 * Outside the requested place the answer is 404, as for a request that does not exist.
 */
export async function decideSupervisionChange(
  caller: Caller,
  scope: Scope,
  id: string,
  input: SupervisionDecisionInput,
  expected: number,
  now = new Date(),
): Promise<SupervisionChange> {
  if (scope.kind !== "jurisdiction") throw changeNotFound();
  const store = functionStore();
  const found = await loadChange(store, id);
  if (!found || !covers(scope.jurisdiction, found.to)) throw changeNotFound();
  if (found.version !== expected) throw staleVersion();
  if (found.status !== "pending") {
    throw new ConflictError({ zh: "该申请已处理", en: "This request has already been decided" });
  }
  const at = now.toISOString();
  const move = input.decision === "approve" ? await planMove(store, found, at) : undefined;
  const decided: SupervisionChange = {
    ...found,
    status: input.decision === "approve" ? "approved" : "rejected",
    decision: {
      decision: input.decision,
      by: caller.userId,
      byTenantId: caller.tenantId,
      at,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(move && found.target.type === "enterprise"
        ? { movedSourceIds: move.movedSourceIds }
        : {}),
    },
    version: found.version + 1,
    updatedAt: at,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: found.tenantId,
      action: `supervisionChange.${input.decision}`,
      target: { type: "supervisionChange", id },
      before: { status: found.status, place: found.from },
      after: {
        status: decided.status,
        place: input.decision === "approve" ? found.to : found.from,
        target: found.target,
        comment: input.comment,
        movedSourceIds: move?.movedSourceIds,
      },
    },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.supervisionChange
          .put(changeItem(decided))
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    ...(move?.steps ?? []),
    auditStep(audit),
  ]);
  return decided;
}
