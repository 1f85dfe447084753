import type { Actor } from "../../shared/audit/audit-record.ts";
import { type ReadinessFacts, readinessSignals } from "../../shared/readiness/readiness-rule.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import {
  DISTRICT_SHARD_SEGMENTS,
  datedPassId,
  districtShardOf,
  type PassPlan,
  runPass,
} from "../passes/pass-runner.ts";
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
 * The daily readiness check (domain.md §5) as a pass: every major source, read from the district
 * index's `major` partitions only (district × shard segments), without its plan or a drill in
 * the last 12 months raises a warning; one whose gap closed clears it. Each source is its own
 * unit of work and a live warning is not raised again, so a segment re-read after a kill acts on
 * nobody twice. The review-due schedule starts it beside the review-due pass.
 */
export function readinessPlan(store: Store, now: Date, pageSize = 100): PassPlan<RiskSource> {
  return {
    id: datedPassId("readiness", now),
    kind: "readiness",
    segments: DISTRICT_SHARD_SEGMENTS,
    readPage: async (segment, cursor) => {
      const { district, shard } = districtShardOf(segment);
      const page = await store.entities.riskSource.query
        .byDistrict({ district, levelKey: "major", shard })
        .go({ cursor, limit: pageSize });
      return { items: page.data.map((item) => item.record), cursor: page.cursor };
    },
    act: async (source) => {
      const facts = await readinessOf(store, source);
      const actor = systemActor(source.tenantId, "readiness-check");
      const steps = await readinessWarningSteps(store, store, source, facts, actor, now);
      if (steps.length === 0) return false;
      return (await attemptTogether(store, steps)).committed;
    },
  };
}

/** The day's readiness check run whole in this process (tests, the local seed). */
export async function raiseReadinessGaps(store: Store, now: Date): Promise<void> {
  await runPass(store, readinessPlan(store, now), () => now);
}
