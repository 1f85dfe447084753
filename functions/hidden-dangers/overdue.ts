import type { Actor } from "../../shared/audit/audit-record.ts";
import type { HiddenDanger } from "../../shared/hidden-dangers/hidden-danger.ts";
import { markOverdue, overdueOf } from "../../shared/hidden-dangers/lifecycle.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { hiddenDangerOverdueSignal } from "../../shared/warnings/source-rules.ts";
import { OVERDUE_SHARDS } from "../adapters/dynamodb/entities/hidden-danger.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { loadSource } from "../registry/source-reach.ts";
import { termsFor } from "../warnings/settings.ts";
import { liveWarningOf, planSignal, sourceFacts, systemActor } from "../warnings/signal-steps.ts";
import { overdueEventStep } from "./danger-events.ts";
import { putDanger } from "./hidden-danger-item.ts";

const RULE = "hidden-danger-overdue" as const;

async function factsOf(store: Store, source: RiskSource) {
  const enterprise = await loadEnterprise(store, source.tenantId);
  const facts = sourceFacts(source, enterprise?.name ?? "");
  return { facts, terms: await termsFor(functionStore(), facts.place.district) };
}

/** The clearing of the overdue warning a danger raised, when it is closed. */
export async function clearOverdueSteps(
  store: Store,
  source: RiskSource,
  danger: HiddenDanger,
  actor: Actor,
  now: Date,
): Promise<WriteStep[]> {
  const live = await liveWarningOf(store, source.tenantId, source.id, RULE);
  if (!live || live.detail.hiddenDangerId !== danger.id) return [];
  const { facts, terms } = await factsOf(store, source);
  const signal = { rule: RULE, kind: "clear", at: now.toISOString(), detail: {} } as const;
  return planSignal(live, signal, facts, terms, actor, now).steps;
}

/**
 * Raises a `hidden-danger-overdue` warning (through the warnings rules) for every danger whose
 * rectification deadline or 10-day acceptance passed, once per due date: the danger records
 * what it was warned of in the same unit of work as the warning and the
 * `hidden-danger.overdue` event, so a re-run (or a second sweep) finds nothing new.
 */
export async function raiseOverdueDangers(store: Store, now: Date): Promise<string[]> {
  const raised: string[] = [];
  const until = now.toISOString();
  for (let shard = 0; shard < OVERDUE_SHARDS; shard++) {
    let cursor: string | null = null;
    do {
      const page: { data: { record: HiddenDanger }[]; cursor: string | null } =
        await store.entities.hiddenDanger.query
          .overdueDue({ shard })
          .lt({ dueAt: until })
          .go({ cursor, limit: 100 });
      for (const { record: danger } of page.data) {
        const late = overdueOf(danger, now);
        if (!late) continue;
        const source = await loadSource(store, danger.tenantId, danger.riskSourceId);
        if (!source) continue;
        const { facts, terms } = await factsOf(store, source);
        const live = await liveWarningOf(store, danger.tenantId, danger.riskSourceId, RULE);
        const signal = hiddenDangerOverdueSignal(danger, late, now);
        const actor = systemActor(danger.tenantId, "hidden-dangers-sweep");
        const plan = planSignal(live, signal, facts, terms, actor, now);
        const next = markOverdue(danger, late, now);
        const outcome = await attemptTogether(store, [
          putDanger(next),
          overdueEventStep(next, late, now),
          ...plan.steps,
        ]);
        // Refused: the danger moved meanwhile; the next sweep reads it afresh.
        if (outcome.committed) raised.push(danger.id);
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return raised;
}
