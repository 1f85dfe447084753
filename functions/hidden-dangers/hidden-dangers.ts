import { ulid } from "ulidx";
import type {
  HiddenDanger,
  HiddenDangerReportInput,
  RectificationPlan,
} from "../../shared/hidden-dangers/hidden-danger.ts";
import { dangerPlaceOf } from "../../shared/hidden-dangers/hidden-danger.ts";
import {
  type DangerStep,
  planRectification,
  reportDanger,
  takeStep,
} from "../../shared/hidden-dangers/lifecycle.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { actorOf, auditRecord } from "../audit/audit-log.ts";
import {
  auditStep,
  type WriteStep,
  writeOnce,
  writeTogether,
} from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { loadSource, reachSource, sourceNotFound } from "../registry/source-reach.ts";
import { dangerEventStep, ruleSteps } from "./danger-events.ts";
import { dangerActor, reachDanger } from "./danger-reach.ts";
import { createDanger, dangerNotFound, loadDanger, putDanger } from "./hidden-danger-item.ts";
import { clearOverdueSteps } from "./overdue.ts";

/** The audit record of a danger's step (`hiddenDanger.<action>`), in the step's unit of work. */
export function dangerAudit(
  caller: Caller,
  action: string,
  before: HiddenDanger | null,
  after: HiddenDanger,
  now: Date,
) {
  return auditStep(
    auditRecord(
      caller,
      {
        tenantId: after.tenantId,
        action: `hiddenDanger.${action}`,
        target: { type: "hiddenDanger", id: after.id },
        ...(before ? { before: { status: before.status, version: before.version } } : {}),
        after: { status: after.status, level: after.level, plan: after.plan, dueAt: after.dueAt },
      },
      now,
    ),
  );
}

/**
 * Reports a hidden danger on a source the caller reaches (its enterprise, or an official of its
 * jurisdiction). A major one turns the source `major` by the rule and lists it for supervision,
 * in the same unit of work as the danger, its audit record and its `hidden-danger.reported` event.
 */
export async function reportHiddenDanger(
  caller: Caller,
  scope: Scope,
  input: HiddenDangerReportInput,
  now = new Date(),
  requestId?: string,
): Promise<HiddenDanger> {
  if (scope.kind === "agency") throw sourceNotFound();
  const { source, store } = await reachSource(caller, scope, input.riskSourceId, "read");
  const danger = reportDanger(
    input,
    {
      id: `${source.tenantId}~${ulid(now.getTime())}`,
      tenantId: source.tenantId,
      riskSourceName: source.name,
      place: dangerPlaceOf(source),
    },
    dangerActor(caller, scope),
    now,
  );
  const rule = danger.level === "major" ? ruleSteps(source, danger, "open", now).steps : [];
  const written = await writeOnce(
    store,
    [
      createDanger(danger),
      ...rule,
      dangerAudit(caller, "report", null, danger, now),
      dangerEventStep("reported", danger, now),
    ],
    requestId === undefined ? undefined : { tenantId: source.tenantId, request: requestId },
    danger.id,
    now,
  );
  if (!written.replayed) return danger;
  const first = await loadDanger(store, written.resultId);
  if (!first) throw dangerNotFound();
  return first;
}

/** Makes or revises the rectification plan (五到位), at the version read. */
export async function planHiddenDanger(
  caller: Caller,
  scope: Scope,
  id: string,
  plan: RectificationPlan,
  expected: number,
  now = new Date(),
): Promise<HiddenDanger> {
  const { danger, store } = await reachDanger(caller, scope, id);
  if (danger.version !== expected) throw staleVersion();
  const next = planRectification(danger, plan, dangerActor(caller, scope), now);
  await writeTogether(store, [putDanger(next), dangerAudit(caller, "plan", danger, next, now)]);
  return next;
}

/**
 * A step after the plan, at the version read. Closing (销号) publishes `hidden-danger.closed`,
 * restores the source's assessed grade when it was the last open major danger on it, and ends
 * the overdue warning it raised — all in one unit of work.
 */
export async function stepHiddenDanger(
  caller: Caller,
  scope: Scope,
  id: string,
  step: DangerStep,
  note: string | undefined,
  expected: number,
  now = new Date(),
): Promise<HiddenDanger> {
  const { danger, store } = await reachDanger(caller, scope, id);
  if (danger.version !== expected) throw staleVersion();
  const next = takeStep(danger, step, dangerActor(caller, scope), now, note);
  const steps: WriteStep[] = [putDanger(next), dangerAudit(caller, step, danger, next, now)];
  if (step === "close") {
    steps.push(dangerEventStep("closed", next, now));
    const source = await loadSource(store, next.tenantId, next.riskSourceId);
    if (source) {
      steps.push(...ruleSteps(source, next, "close", now).steps);
      steps.push(...(await clearOverdueSteps(store, source, next, actorOf(caller), now)));
    }
  }
  await writeTogether(store, steps);
  return next;
}
