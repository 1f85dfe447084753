import type { Actor } from "../../shared/audit/audit-record.ts";
import { WARNING_RULES } from "../../shared/warnings/rules.ts";
import { clearWarning, isLive } from "../../shared/warnings/warning.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { auditOf } from "./signal-steps.ts";
import { resolvedEvent } from "./warning-events.ts";
import { loadWarning, putWarning, releaseClaim } from "./warning-item.ts";

/**
 * The warning writes removing a source brings, for the registry's own unit of work: each live
 * warning of the source is cleared with a `sourceRemoved` entry naming who removed it
 * (escalation stops, its claim is released, `warning.resolved` with resolution `cleared` is
 * published and audited), so nobody up the chain is chased about a source that no longer
 * exists. Each warning is written on the version read, and every rule without a claim is
 * checked still to have none, so a warning raised or changed meanwhile refuses the whole
 * removal (a 409 to retry) instead of outliving its source.
 */
export async function sourceRemovalWarningSteps(
  store: Store,
  tenantId: string,
  riskSourceId: string,
  actor: Actor,
  now: Date,
): Promise<WriteStep[]> {
  const { data: claims } = await store.entities.liveWarning.query
    .byTenant({ tenantId, riskSourceId })
    .go({ pages: "all" });
  const steps: WriteStep[] = WARNING_RULES.filter((rule) =>
    claims.every((c) => c.rule !== rule),
  ).map((rule) => ({
    action: (tx) =>
      tx.liveWarning
        .check({ tenantId, riskSourceId, rule })
        .where(({ warningId }, { notExists }) => notExists(warningId))
        .commit(),
  }));
  for (const claim of claims) {
    const warning = await loadWarning(store, claim.warningId);
    const cleared = warning && isLive(warning.status) && clearWarning(warning, now, actor.userId);
    if (!warning || !cleared) continue;
    steps.push(
      putWarning(cleared),
      releaseClaim(cleared),
      resolvedEvent(cleared, "cleared", actor.userId, undefined, now),
      auditOf(actor, tenantId, "warning.clear", cleared, { status: warning.status }, now),
    );
  }
  return steps;
}
