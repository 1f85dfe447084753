import type { Actor } from "../../shared/audit/audit-record.ts";
import { DISTRICT_CODES } from "../../shared/catalogs/districts.ts";
import { type ReadinessFacts, readinessSignals } from "../../shared/readiness/readiness-rule.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { SHARDS } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { termsFor } from "../warnings/settings.ts";
import { liveWarningOf, planSignal, sourceFacts, systemActor } from "../warnings/signal-steps.ts";

/** Whether a source has its plan, and the date of its latest drill (one query each). */
export async function readinessOf(store: Store, source: RiskSource): Promise<ReadinessFacts> {
  const key = { tenantId: source.tenantId, riskSourceId: source.id };
  const [plan, drills] = await Promise.all([
    store.entities.emergencyPlan.get(key).go({ consistent: true }),
    store.entities.drill.query.byTenant(key).go({ order: "desc", limit: 1 }),
  ]);
  return {
    currentLevel: source.currentLevel,
    hasPlan: plan.data !== null,
    lastDrillOn: drills.data[0]?.heldOn ?? null,
  };
}

/**
 * The warning writes a source's readiness calls for: `plan-missing` / `drill-overdue` raised
 * when absent (no daily re-fire of a live one), cleared when live and no longer due. Written in
 * the caller's unit of work (a new plan or drill clears in its own transaction).
 */
export async function readinessWarningSteps(
  store: Store,
  /** Where the rules and deadlines are read: the function's store (a tenant's cannot reach them). */
  settings: Store,
  source: RiskSource,
  facts: ReadinessFacts,
  actor: Actor,
  now: Date,
  options: { clearOnly?: boolean } = {},
): Promise<WriteStep[]> {
  const steps: WriteStep[] = [];
  let known: ReturnType<typeof sourceFacts> | undefined;
  for (const signal of readinessSignals(facts, now)) {
    // A plan or drill being recorded only ever ends a warning; raising is the daily check's.
    if (options.clearOnly && signal.kind === "raise") continue;
    const live = await liveWarningOf(store, source.tenantId, source.id, signal.rule);
    if (signal.kind === "clear" ? !live : live) continue;
    known ??= sourceFacts(source, (await loadEnterprise(store, source.tenantId))?.name ?? "");
    const terms = await termsFor(settings, known.place.district);
    steps.push(...planSignal(live, signal, known, terms, actor, now).steps);
  }
  return steps;
}

/**
 * The daily readiness check (domain.md §5): every major source, read from the district index's
 * `major` partitions only, without its plan or a drill in the last 12 months raises a warning.
 * Each source is its own unit of work, so a run killed midway is simply run again.
 */
export async function raiseReadinessGaps(store: Store, now: Date): Promise<string[]> {
  const changed: string[] = [];
  for (const district of DISTRICT_CODES) {
    for (const shard of SHARDS) {
      let cursor: string | null = null;
      do {
        const page: { data: { record: RiskSource }[]; cursor: string | null } =
          await store.entities.riskSource.query
            .byDistrict({ district, levelKey: "major", shard })
            .go({ cursor, limit: 100 });
        for (const { record: source } of page.data) {
          const facts = await readinessOf(store, source);
          const actor = systemActor(source.tenantId, "readiness-check");
          const steps = await readinessWarningSteps(store, store, source, facts, actor, now);
          if (steps.length === 0) continue;
          const outcome = await attemptTogether(store, steps);
          if (outcome.committed) changed.push(source.id);
        }
        cursor = page.cursor;
      } while (cursor);
    }
  }
  return changed;
}
