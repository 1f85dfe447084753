import { ulid } from "ulidx";
import type { Actor, AuditRecord } from "../../shared/audit/audit-record.ts";
import { ConflictError } from "../../shared/errors.ts";
import { levelRank } from "../../shared/methodology/levels.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { WarningRule, WarningTerms } from "../../shared/warnings/rules.ts";
import type { WarningSignal } from "../../shared/warnings/signals.ts";
import {
  applyClear,
  holdersOf,
  isLive,
  raiseWarning,
  refireWarning,
  type Warning,
} from "../../shared/warnings/warning.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditStep, type WriteStep } from "../platform/data/unit-of-work.ts";
import { raisedEvent, resolvedEvent } from "./warning-events.ts";
import { loadWarning, putWarning, releaseClaim, warningItem } from "./warning-item.ts";

/** What a warning says about its source: names and place on the responsibility chain. */
export interface SourceFacts {
  tenantId: string;
  riskSourceId: string;
  riskSourceName: string;
  enterpriseName: string;
  place: Warning["place"];
}

export function sourceFacts(source: RiskSource, enterpriseName: string): SourceFacts {
  return {
    tenantId: source.tenantId,
    riskSourceId: source.id,
    riskSourceName: source.name,
    enterpriseName,
    place: {
      district: source.supervision.district,
      street: source.supervision.street,
      industry: source.industry,
    },
  };
}

/** The machine actor of what the product does by itself (the sweep). */
export function systemActor(tenantId: string, what: string): Actor {
  return { userId: `system:${what}`, tenantId, role: "integrator" };
}

export function auditOf(
  actor: Actor,
  tenantId: string,
  action: string,
  w: Warning,
  before: unknown,
  now: Date,
  more: Record<string, unknown> = {},
): WriteStep {
  const record: AuditRecord = {
    id: ulid(now.getTime()),
    at: now.toISOString(),
    actor,
    tenantId,
    action,
    target: { type: "warning", id: w.id },
    ...(before === undefined ? {} : { before }),
    after: { status: w.status, level: w.level, step: w.escalation.step, ...more },
  };
  return auditStep(record);
}

/** The live warning of a (source, rule), found through its claim; read strongly consistent. */
export async function liveWarningOf(
  store: Store,
  tenantId: string,
  riskSourceId: string,
  rule: WarningRule,
): Promise<Warning | undefined> {
  const { data } = await store.entities.liveWarning
    .get({ tenantId, riskSourceId, rule })
    .go({ consistent: true });
  if (!data) return undefined;
  const warning = await loadWarning(store, data.warningId);
  return warning && isLive(warning.status) ? warning : undefined;
}

function raisedMeanwhile(): ConflictError {
  return new ConflictError({
    zh: "该风险源的同类预警正被同时发出，请重试",
    en: "The same warning of this source was raised concurrently; retry",
  });
}

export interface SignalPlan {
  steps: WriteStep[];
  warning?: Warning;
  change: "raised" | "refired" | "released" | "cleared" | "none";
}

/**
 * The writes a signal needs, given the (source, rule)'s live warning: a raise creates the
 * warning with its claim (a concurrent raise of the same pair fails the claim, so the unit of
 * work fails rather than duplicating); a raise on a live warning re-fires it; a clear clears it
 * and releases the claim, unless other indicators still hold it (then it only drops the one that
 * recovered). Every change is audited and published in the same unit of work; the warning is
 * written conditional on the version read, so two sensors of one source cannot lose each
 * other's hold. A new warning names the rule set of `terms` and starts on its deadlines.
 */
export function planSignal(
  live: Warning | undefined,
  signal: WarningSignal,
  facts: SourceFacts,
  terms: WarningTerms,
  actor: Actor,
  now: Date,
): SignalPlan {
  if (signal.kind === "clear") {
    if (!live) return { steps: [], change: "none" };
    const outcome = applyClear(live, signal, now);
    if (outcome.kind === "none") return { steps: [], change: "none" };
    const next = outcome.warning;
    if (outcome.kind === "released") {
      // Still live for the indicators that breach: the claim stays and nothing is published,
      // as nothing changed for whoever handles it.
      return {
        warning: next,
        change: "released",
        steps: [
          putWarning(next),
          auditOf(
            actor,
            facts.tenantId,
            "warning.release",
            next,
            { holders: holdersOf(live) },
            now,
            { holders: holdersOf(next) },
          ),
        ],
      };
    }
    return {
      warning: next,
      change: "cleared",
      steps: [
        putWarning(next),
        releaseClaim(next),
        resolvedEvent(next, "cleared", undefined, undefined, now),
        auditOf(actor, facts.tenantId, "warning.clear", next, { status: live.status }, now),
      ],
    };
  }
  if (live) {
    const next = refireWarning(live, signal, terms.timing, now);
    const higher = levelRank(next.level) > levelRank(live.level);
    return {
      warning: next,
      change: "refired",
      steps: [
        putWarning(next),
        ...(higher ? [raisedEvent(next, now)] : []),
        auditOf(actor, facts.tenantId, "warning.refire", next, { level: live.level }, now),
      ],
    };
  }
  const warning = raiseWarning(
    signal,
    { id: `${facts.tenantId}~${ulid(now.getTime())}`, ...facts, ...terms },
    now,
  );
  return {
    warning,
    change: "raised",
    steps: [
      { action: (tx) => tx.warning.create(warningItem(warning)).commit() },
      {
        action: (tx) =>
          tx.liveWarning
            .create({
              tenantId: facts.tenantId,
              riskSourceId: facts.riskSourceId,
              rule: signal.rule,
              warningId: warning.id,
            })
            .commit(),
        onConflict: raisedMeanwhile,
      },
      raisedEvent(warning, now),
      auditOf(actor, facts.tenantId, "warning.raise", warning, undefined, now),
    ],
  };
}
