import type { Store } from "../adapters/dynamodb/store.ts";
import { s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { readinessPlan } from "../readiness/readiness-warnings.ts";
import { reconcileSegment } from "../stats/reconcile.ts";
import {
  type ReconciliationObjects,
  s3ReconciliationObjects,
} from "../stats/reconciliation-objects.ts";
import {
  CITY_PASS_TENANT,
  type DatedSegmentMessage,
  type PassMessage,
  passStep,
} from "./pass-queue.ts";
import { type PassOutline, runSegment, startPass } from "./pass-runner.ts";
import { handleReevaluation } from "./reevaluation-run.ts";
import { reviewDuePlan } from "./review-due.ts";
import { statisticsReminderPlan } from "./statistics-reminder.ts";

/**
 * Starts a dated pass (the review-due pass, the statistics reminder) as its orchestrator: the
 * pass, its checkpoints and one queue message per segment, each created with its message in one
 * unit of work. Every message carries the start's instant, so all segments run as of the same
 * moment; a start repeated the same day finds the pass and queues nothing more.
 */
export function startDatedPass(
  store: Store,
  plan: PassOutline,
  kind: DatedSegmentMessage["kind"],
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  return startPass(store, plan, now, (segment) => [
    passStep(CITY_PASS_TENANT, { kind, passId: plan.id, at, segment }, now),
  ]);
}

/**
 * Runs one message of the `passes` queue. A reconciliation keeps its sums in the documents
 * bucket (`objects`: the function's bucket unless given).
 */
export async function runPassMessage(
  store: Store,
  message: PassMessage,
  clock: () => Date,
  objects?: ReconciliationObjects,
): Promise<void> {
  switch (message.kind) {
    case "reevaluation-start":
    case "reevaluation-segment":
      return handleReevaluation(store, message, clock);
    case "review-due-segment":
      return runSegment(store, reviewDuePlan(store, new Date(message.at)), message.segment, clock);
    case "readiness-segment":
      return runSegment(store, readinessPlan(store, new Date(message.at)), message.segment, clock);
    case "statistics-reminder-segment":
      return runSegment(
        store,
        statisticsReminderPlan(store, new Date(message.at)),
        message.segment,
        clock,
      );
    case "stats-reconciliation-segment":
      await reconcileSegment(
        store,
        objects ?? s3ReconciliationObjects(s3, setting("bucketName")),
        message.passId,
        message.segment,
        clock,
      );
  }
}
