import type { Store } from "../adapters/dynamodb/store.ts";
import { readinessPlan } from "../readiness/readiness-warnings.ts";
import {
  CITY_PASS_TENANT,
  type DatedSegmentMessage,
  type PassMessage,
  passStep,
} from "./pass-queue.ts";
import { type PassPlan, runSegment, startPass } from "./pass-runner.ts";
import { handleReevaluation } from "./reevaluation-run.ts";
import { reviewDuePlan } from "./review-due.ts";
import { statisticsReminderPlan } from "./statistics-reminder.ts";

/**
 * Starts a dated pass (the review-due pass, the statistics reminder) as its orchestrator: the
 * pass, its checkpoints and one queue message per segment, each created with its message in one
 * unit of work. Every message carries the start's instant, so all segments run as of the same
 * moment; a start repeated the same day finds the pass and queues nothing more.
 */
export function startDatedPass<T>(
  store: Store,
  plan: PassPlan<T>,
  kind: DatedSegmentMessage["kind"],
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  return startPass(store, plan, now, (segment) => [
    passStep(CITY_PASS_TENANT, { kind, passId: plan.id, at, segment }, now),
  ]);
}

/** Runs one message of the `passes` queue. */
export async function runPassMessage(
  store: Store,
  message: PassMessage,
  clock: () => Date,
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
  }
}
