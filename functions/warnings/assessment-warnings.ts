import type { Actor } from "../../shared/audit/audit-record.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { WarningSignal } from "../../shared/warnings/signals.ts";
import { assessedLevelSignal } from "../../shared/warnings/source-rules.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { functionStore } from "../platform/data/request-store.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { termsFor } from "./settings.ts";
import { liveWarningOf, planSignal, sourceFacts } from "./signal-steps.ts";

/**
 * The warning writes a grade change brings, for the registry's own unit of work: a source whose
 * level becomes `major` raises at once (a submitted self-assessment counts, before any review),
 * one leaving `major` clears it; a new assessment ends a live review-overdue warning.
 */
export async function assessmentWarningSteps(
  store: Store,
  before: RiskSource,
  after: RiskSource,
  actor: Actor,
  now: Date,
  options: { assessed: boolean },
): Promise<WriteStep[]> {
  const signals: WarningSignal[] = [];
  const level = assessedLevelSignal(before.currentLevel, after.currentLevel, now);
  if (level) signals.push(level);
  if (options.assessed) {
    signals.push({ rule: "review-overdue", kind: "clear", at: now.toISOString(), detail: {} });
  }
  const steps: WriteStep[] = [];
  let facts: ReturnType<typeof sourceFacts> | undefined;
  for (const signal of signals) {
    const live = await liveWarningOf(store, after.tenantId, after.id, signal.rule);
    if (signal.kind === "clear" && !live) continue;
    facts ??= sourceFacts(after, (await loadEnterprise(store, after.tenantId))?.name ?? "");
    const terms = await termsFor(functionStore(), facts.place.district);
    steps.push(...planSignal(live, signal, facts, terms, actor, now).steps);
  }
  return steps;
}
