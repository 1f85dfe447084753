import type { Store } from "../adapters/dynamodb/store.ts";
import {
  CITY_PASS_TENANT,
  passStep,
  REEVALUATION_SEGMENTS,
  type ReevaluationMessage,
  type StartMessage,
} from "./pass-queue.ts";
import { datedPassId, runSegment, startPass } from "./pass-runner.ts";
import { reevaluationPlan } from "./reevaluation.ts";

/** The daily sweep's id: one per calendar day in Beijing, so a re-run that day resumes it. */
export function sweepStart(now: Date): StartMessage {
  return {
    kind: "reevaluation-start",
    passId: datedPassId("reevaluation-sweep", now),
    profileIds: [],
    segments: REEVALUATION_SEGMENTS,
  };
}

/**
 * The orchestrator: creates the pass and its segments, each with the queue message that runs
 * it in the same unit of work — a fan-out over scan segments, never a message per source. A
 * start delivered twice (or after a kill) creates and queues only what is missing.
 */
export async function startReevaluation(
  store: Store,
  start: StartMessage,
  now: Date,
): Promise<boolean> {
  const plan = await reevaluationPlan(store, start, () => now);
  return startPass(store, plan, now, (segment) => [
    passStep(
      CITY_PASS_TENANT,
      { ...start, kind: "reevaluation-segment", segment: Number(segment) },
      now,
    ),
  ]);
}

/** What a re-evaluation message of the `passes` queue asks: start a pass, or run one segment of it. */
export async function handleReevaluation(
  store: Store,
  message: ReevaluationMessage,
  clock: () => Date,
): Promise<void> {
  if (message.kind === "reevaluation-start") {
    await startReevaluation(store, message, clock());
    return;
  }
  const plan = await reevaluationPlan(store, message, clock);
  await runSegment(store, plan, String(message.segment), clock);
}
