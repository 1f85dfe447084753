import { ulid } from "ulidx";
import { ConflictError, NotFoundError } from "../../shared/errors.ts";
import {
  type Drill,
  type DrillCreateInput,
  type EmergencyPlan,
  type PlanCreateInput,
  type PlanUpdateInput,
  planIdOf,
  sourceOfPlan,
} from "../../shared/readiness/plan.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { maskContactsFor } from "../../shared/tenancy/masking.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { actorOf, auditRecord } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { auditStep, writeOnce, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { reachSource } from "../registry/source-reach.ts";
import { readinessOf, readinessWarningSteps } from "./readiness-warnings.ts";

export function planNotFound(): NotFoundError {
  return new NotFoundError({ zh: "应急预案不存在", en: "Emergency plan not found" });
}

export function planView(caller: Caller, plan: EmergencyPlan): EmergencyPlan {
  return maskContactsFor(caller.role, plan, caller.tenantId === plan.tenantId);
}

function planItem(plan: EmergencyPlan) {
  return {
    tenantId: plan.tenantId,
    riskSourceId: plan.riskSourceId,
    version: plan.version,
    record: plan,
  };
}

async function loadPlan(store: Store, source: RiskSource): Promise<EmergencyPlan | undefined> {
  const { data } = await store.entities.emergencyPlan
    .get({ tenantId: source.tenantId, riskSourceId: source.id })
    .go({ consistent: true });
  return data?.record;
}

/** The plan and source the caller reaches, by the plan's id (its source's id + `~plan`). */
export async function reachPlan(
  caller: Caller,
  scope: Scope,
  id: string,
  purpose: "read" | "assess",
) {
  const riskSourceId = sourceOfPlan(id);
  if (!riskSourceId) throw planNotFound();
  const { source, store } = await reachSource(caller, scope, riskSourceId, purpose).catch(() => {
    throw planNotFound();
  });
  const plan = await loadPlan(store, source);
  if (!plan) throw planNotFound();
  return { plan, source, store };
}

/**
 * Makes a source's one-to-one plan, shared with its street and district (they read it through
 * their jurisdiction). Its key is the source's, so a second one is a 409; a live `plan-missing`
 * warning clears in the same unit of work.
 */
export async function createPlan(
  caller: Caller,
  scope: Scope,
  input: PlanCreateInput,
  now = new Date(),
) {
  const { source, store } = await reachSource(caller, scope, input.riskSourceId, "assess");
  const at = now.toISOString();
  const { riskSourceId: _, ...fields } = input;
  const plan: EmergencyPlan = {
    ...fields,
    id: planIdOf(source.id),
    tenantId: source.tenantId,
    riskSourceId: source.id,
    riskSourceName: source.name,
    sharedWith: { district: source.supervision.district, street: source.supervision.street },
    document: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const facts = { ...(await readinessOf(store, source)), hasPlan: true };
  const audit = auditRecord(
    caller,
    {
      tenantId: source.tenantId,
      action: "emergencyPlan.create",
      target: { type: "emergencyPlan", id: plan.id },
      after: plan,
    },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) => tx.emergencyPlan.create(planItem(plan)).commit(),
      onConflict: () =>
        new ConflictError({ zh: "该风险源已有应急预案", en: "The source already has its plan" }),
    },
    auditStep(audit),
    ...(await readinessWarningSteps(store, functionStore(), source, facts, actorOf(caller), now, {
      clearOnly: true,
    })),
  ]);
  return plan;
}

export async function updatePlan(
  caller: Caller,
  scope: Scope,
  id: string,
  input: PlanUpdateInput,
  expected: number,
  now = new Date(),
) {
  const { plan, store } = await reachPlan(caller, scope, id, "assess");
  if (plan.version !== expected) throw staleVersion();
  const next: EmergencyPlan = {
    ...plan,
    ...input,
    version: plan.version + 1,
    updatedAt: now.toISOString(),
  };
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.emergencyPlan
          .put(planItem(next))
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(
      auditRecord(
        caller,
        {
          tenantId: plan.tenantId,
          action: "emergencyPlan.update",
          target: { type: "emergencyPlan", id },
          before: plan,
          after: next,
        },
        now,
      ),
    ),
  ]);
  return next;
}

/** Records where the plan's document is uploaded (the presigned PUT's key), audited. */
export async function attachDocument(
  caller: Caller,
  scope: Scope,
  id: string,
  document: NonNullable<EmergencyPlan["document"]>,
  now = new Date(),
) {
  const { plan, store } = await reachPlan(caller, scope, id, "assess");
  const next: EmergencyPlan = {
    ...plan,
    document,
    version: plan.version + 1,
    updatedAt: now.toISOString(),
  };
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.emergencyPlan
          .put(planItem(next))
          .where(({ version }, { eq }) => eq(version, plan.version))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(
      auditRecord(
        caller,
        {
          tenantId: plan.tenantId,
          action: "emergencyPlan.document",
          target: { type: "emergencyPlan", id },
          after: document,
        },
        now,
      ),
    ),
  ]);
  return next;
}

/** The plan of a source, as a page of none or one. */
export async function listPlans(caller: Caller, scope: Scope, riskSourceId: string) {
  const { source, store } = await reachSource(caller, scope, riskSourceId, "read");
  const plan = await loadPlan(store, source);
  return { items: plan ? [planView(caller, plan)] : [], nextCursor: null };
}

/**
 * Records a drill (once per Idempotency-Key), clearing a live `drill-overdue` warning in the
 * same unit of work when the drill is within the last 12 months.
 */
export async function createDrill(
  caller: Caller,
  scope: Scope,
  input: DrillCreateInput,
  now = new Date(),
  requestId?: string,
) {
  const { source, store } = await reachSource(caller, scope, input.riskSourceId, "assess");
  const drill: Drill = {
    ...input,
    id: `${source.tenantId}~${ulid(now.getTime())}`,
    tenantId: source.tenantId,
    riskSourceId: source.id,
    createdAt: now.toISOString(),
  };
  const before = await readinessOf(store, source);
  const latest =
    before.lastDrillOn === null || before.lastDrillOn < drill.heldOn
      ? drill.heldOn
      : before.lastDrillOn;
  const audit = auditRecord(
    caller,
    {
      tenantId: source.tenantId,
      action: "drill.create",
      target: { type: "drill", id: drill.id },
      after: drill,
    },
    now,
  );
  const written = await writeOnce(
    store,
    [
      {
        action: (tx) =>
          tx.drill
            .create({
              tenantId: drill.tenantId,
              riskSourceId: drill.riskSourceId,
              heldOn: drill.heldOn,
              id: drill.id,
              record: drill,
            })
            .commit(),
      },
      auditStep(audit),
      ...(await readinessWarningSteps(
        store,
        functionStore(),
        source,
        { ...before, lastDrillOn: latest },
        actorOf(caller),
        now,
        { clearOnly: true },
      )),
    ],
    requestId === undefined ? undefined : { tenantId: source.tenantId, request: requestId },
    drill.id,
    now,
  );
  if (!written.replayed) return drill;
  const { data } = await store.entities.drill.query
    .byTenant({ tenantId: source.tenantId, riskSourceId: source.id })
    .go({ pages: "all" });
  const first = data.find((d) => d.id === written.resultId);
  if (!first) throw new NotFoundError({ zh: "演练记录不存在", en: "Drill not found" });
  return first.record;
}

/** A source's drills, latest first. */
export async function listDrills(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
  cursor: string | undefined,
  limit: number,
) {
  const { source, store } = await reachSource(caller, scope, riskSourceId, "read");
  const partition: Partition<Drill> = {
    id: `drills:${source.id}`,
    read: async (c, n) => {
      const page = await store.entities.drill.query
        .byTenant({ tenantId: source.tenantId, riskSourceId: source.id })
        .go({ cursor: c, limit: n, order: "desc" });
      return { items: page.data.map((d) => d.record), cursor: page.cursor };
    },
  };
  return walkPartitions([partition], cursor, limit);
}
