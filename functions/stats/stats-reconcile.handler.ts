import { startDatedPass } from "../passes/pass-messages.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { statsReconcile } from "./manifest.ts";
import { reconciliationOutline } from "./reconcile.ts";

/**
 * The nightly reconciliation's orchestrator: starts the day's pass, whose district × shard
 * segments run on the `passes` queue; the segment that ends last compares and reports the drift
 * (metric `StatsDrift`, the pass's `drift`). A retry the same day queues nothing twice.
 */
export const handler = scheduleHandler(statsReconcile, async (event) => {
  const now = new Date(event.time ?? Date.now());
  await startDatedPass(
    functionStore(),
    reconciliationOutline(now),
    "stats-reconciliation-segment",
    now,
  );
});
