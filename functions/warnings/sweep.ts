import { DISTRICT_CODES } from "../../shared/catalogs/districts.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Indicator } from "../../shared/warnings/indicator.ts";
import { checkStale, type IndicatorState } from "../../shared/warnings/indicator-state.ts";
import type { EscalationTiming } from "../../shared/warnings/rules.ts";
import { reviewOverdueSignal } from "../../shared/warnings/source-rules.ts";
import { escalateWarning, type Warning } from "../../shared/warnings/warning.ts";
import { STALENESS_SHARDS } from "../adapters/dynamodb/entities/indicator.ts";
import { ESCALATION_SHARDS } from "../adapters/dynamodb/entities/warning.ts";
import { SHARDS } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { loadSource } from "../registry/source-reach.ts";
import { stateItem } from "./indicators.ts";
import { inForceRuleSet } from "./rule-sets.ts";
import { timingFor } from "./settings.ts";
import {
  auditOf,
  liveWarningOf,
  planSignal,
  type SignalPlan,
  type SourceFacts,
  sourceFacts,
  systemActor,
} from "./signal-steps.ts";
import { escalatedEvent } from "./warning-events.ts";
import { putWarning } from "./warning-item.ts";

const PAGE = 100;

/** Every page of a query, cursor by cursor. */
async function* pagesOf<T>(
  read: (cursor: string | null) => Promise<{ data: T[]; cursor: string | null }>,
): AsyncGenerator<T[]> {
  let cursor: string | null = null;
  do {
    const page: { data: T[]; cursor: string | null } = await read(cursor);
    yield page.data;
    cursor = page.cursor;
  } while (cursor);
}

/** Timing per district, read once per sweep. */
function timingCache(store: Store) {
  const cache = new Map<string, Promise<EscalationTiming>>();
  return (district: string) => {
    let found = cache.get(district);
    if (!found) {
      found = timingFor(store, district).then((t) => t.timing);
      cache.set(district, found);
    }
    return found;
  };
}

/**
 * Climbs every live warning whose deadline passed one step up the responsibility chain. Each
 * climb is its own unit of work conditional on the version read (with its event and audit), so
 * the sweep can be killed anywhere and run again: what committed has a later deadline and is not
 * read again; what did not is still due. Two sweeps at once: one wins each warning.
 */
export async function escalationSweep(store: Store, now: Date): Promise<string[]> {
  const timing = timingCache(store);
  const escalated: string[] = [];
  // Deadlines up to and including now (sort keys are `<dueAt>#<id>`).
  const until = new Date(now.getTime() + 1).toISOString();
  for (let shard = 0; shard < ESCALATION_SHARDS; shard++) {
    const pages = pagesOf((cursor) =>
      store.entities.warning.query
        .escalationDue({ shard })
        .lte({ dueAt: until })
        .go({ cursor, limit: PAGE }),
    );
    for await (const data of pages) {
      for (const { record } of data as { record: Warning }[]) {
        const next = escalateWarning(record, await timing(record.place.district), now);
        if (!next) continue;
        const outcome = await attemptTogether(store, [
          putWarning(next),
          escalatedEvent(record, next, now),
          auditOf(
            systemActor(record.tenantId, "warnings-sweep"),
            record.tenantId,
            "warning.escalate",
            next,
            { step: record.escalation.step },
            now,
          ),
        ]);
        // Refused: acknowledged or escalated meanwhile; the next sweep reads it afresh.
        if (outcome.committed) escalated.push(next.id);
      }
    }
  }
  return escalated;
}

/** Facts of sources, read once per sweep. */
function factsCache(store: Store) {
  const cache = new Map<string, Promise<SourceFacts | undefined>>();
  return (tenantId: string, riskSourceId: string) => {
    let found = cache.get(riskSourceId);
    if (!found) {
      found = (async () => {
        const source = await loadSource(store, tenantId, riskSourceId);
        if (!source) return undefined;
        const enterprise = await loadEnterprise(store, tenantId);
        return sourceFacts(source, enterprise?.name ?? "");
      })();
      cache.set(riskSourceId, found);
    }
    return found;
  };
}

/** The staleness shard checked at a minute: each indicator once every STALENESS_SHARDS minutes. */
export function stalenessShardAt(now: Date): number {
  return Math.floor(now.getTime() / 60_000) % STALENESS_SHARDS;
}

/**
 * Raises a `sensor-stale` warning for each indicator of one shard that sent nothing for its
 * stale-data limit. The state item remembers the stale spell (written with the warning, in one
 * unit of work, conditional on its version), so a repeat finds nothing new.
 */
export async function stalenessSweep(
  store: Store,
  now: Date,
  shard = stalenessShardAt(now),
): Promise<string[]> {
  const timing = timingCache(store);
  const facts = factsCache(store);
  const rules = await inForceRuleSet(store);
  const raised: string[] = [];
  const pages = pagesOf((cursor) =>
    store.entities.indicator.query.byStalenessShard({ shard }).go({ cursor, limit: PAGE }),
  );
  for await (const data of pages) {
    const keys = data.map((d) => ({ tenantId: d.tenantId, indicatorId: d.id }));
    const states = keys.length ? (await store.entities.indicatorState.get(keys).go()).data : [];
    for (const { indicator, state } of states as {
      indicator: Indicator;
      state: IndicatorState;
    }[]) {
      const checked = checkStale(indicator, state, now, rules);
      if (!checked.signal) continue;
      const source = await facts(indicator.tenantId, indicator.riskSourceId);
      if (!source) continue;
      const live = await liveWarningOf(
        store,
        indicator.tenantId,
        indicator.riskSourceId,
        "sensor-stale",
      );
      const plan = planSignal(
        live,
        checked.signal,
        source,
        { rules, timing: await timing(source.place.district) },
        systemActor(indicator.tenantId, "warnings-sweep"),
        now,
      );
      const next = { ...checked.state, version: state.version + 1 };
      const steps: WriteStep[] = [
        {
          action: (tx) =>
            tx.indicatorState
              .put(stateItem(indicator, next))
              .where(({ version }, { eq }) => eq(version, state.version))
              .commit(),
        },
        ...plan.steps,
      ];
      const outcome = await attemptTogether(store, steps);
      if (outcome.committed && plan.warning) raised.push(plan.warning.id);
    }
  }
  return raised;
}

/**
 * The writes that raise a source's `review-overdue` warning (domain.md §4), for the unit of
 * work of whoever noticed the review passed (the daily review-due pass, with its notice and
 * event): none when the review is not overdue, or a warning of the rule is already live (no
 * daily re-fire; a submitted assessment clears it, functions/warnings/assessment-warnings.ts).
 */
export async function overdueReviewPlan(
  store: Store,
  source: RiskSource,
  now: Date,
  timing: (district: string) => Promise<EscalationTiming> = timingCache(store),
): Promise<SignalPlan> {
  const rules = await inForceRuleSet(store);
  const signal = reviewOverdueSignal(source, now, rules);
  if (!signal) return { steps: [], change: "none" };
  const live = await liveWarningOf(store, source.tenantId, source.id, "review-overdue");
  if (live) return { steps: [], change: "none" };
  const enterprise = await loadEnterprise(store, source.tenantId);
  const facts = sourceFacts(source, enterprise?.name ?? "");
  return planSignal(
    undefined,
    signal,
    facts,
    { rules, timing: await timing(facts.place.district) },
    systemActor(source.tenantId, "review-overdue"),
    now,
  );
}

/**
 * Raises `review-overdue` warnings for every graded source whose review date passed, each in a
 * unit of work of its own. The daily review-due pass (functions/passes/review-due.ts) raises
 * them in its own units of work through `overdueReviewPlan`; this walk serves tools and tests.
 */
export async function raiseOverdueReviews(store: Store, now: Date): Promise<string[]> {
  const timing = timingCache(store);
  const raised: string[] = [];
  const before = now.toISOString();
  for (const district of DISTRICT_CODES) {
    for (const shard of SHARDS) {
      const pages = pagesOf((cursor) =>
        store.entities.riskSource.query
          .reviewDue({ district, shard })
          .lte({ nextReviewAt: before })
          .go({ cursor, limit: PAGE }),
      );
      for await (const data of pages) {
        for (const { record: source } of data) {
          const plan = await overdueReviewPlan(store, source, now, timing);
          if (plan.steps.length === 0) continue;
          const outcome = await attemptTogether(store, plan.steps);
          if (outcome.committed && plan.warning) raised.push(plan.warning.id);
        }
      }
    }
  }
  return raised;
}
