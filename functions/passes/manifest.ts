import { passesContract } from "../../shared/contracts/passes.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/**
 * The daily review-due pass: one schedule for the whole city, never one per source. It starts
 * today's checkpointed pass, whose segments of the review-due index run on the pass worker.
 */
export const reviewDuePass: FunctionDefinition = {
  id: "review-due-pass",
  description: "Announces sources whose periodic review passed (review.overdue), checkpointed",
  handler: "functions/passes/review-due-pass.handler.ts",
  schedules: ["review-due"],
  table: "readWrite",
  memoryMb: 512,
  // Starts two passes: a checkpoint and a queue message per segment, 128 small writes.
  timeoutSeconds: 120,
};

/**
 * The passes' worker. Re-evaluation (重新评估) when a method-profile version is published or
 * retired: the change's outbox message starts the pass here, which fans out one queue message
 * per scan segment, run here too; the scheduled passes' orchestrators queue their segments here
 * (on AWS, several run at once). Visibility (960 s) outlasts the timeout, so a cut-off segment
 * comes back and resumes from its checkpoint.
 */
export const passWorker: FunctionDefinition = {
  id: "pass-worker",
  description:
    "Runs the segments of the city's passes (re-evaluation, review-due, statistics reminder, reconciliation)",
  handler: "functions/passes/pass-worker.handler.ts",
  queues: ["passes"],
  table: "readWrite",
  // The reconciliation's partial sums and drift report.
  bucket: "readWrite",
  alarms: [
    {
      metric: "StatsDrift",
      above: 0,
      periodHours: 24,
      description:
        "The nightly reconciliation found statistics counters that differ from the registry (reconciliation/<pass>/drift.json)",
    },
  ],
  memoryMb: 1024,
  timeoutSeconds: 900,
};

/** The daily sweep: starts a city-wide re-evaluation whose segments run on the worker. */
export const reevaluationSweep: FunctionDefinition = {
  id: "reevaluation-sweep",
  description: "Daily: starts the city-wide re-evaluation of sources left on old profile versions",
  handler: "functions/passes/reevaluation-pass.handler.ts",
  schedules: ["reevaluation"],
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 120,
};

/** The quarterly hidden-danger statistics reminder: starts its pass, whose segments run on the worker. */
export const statisticsReminder: FunctionDefinition = {
  id: "statistics-reminder",
  description: "Quarterly: reminds every active enterprise of the hidden-danger statistics due",
  handler: "functions/passes/statistics-reminder.handler.ts",
  schedules: ["statistics-reminder"],
  table: "readWrite",
  memoryMb: 256,
  timeoutSeconds: 120,
};

/** The city admin's view of the passes' progress. */
export const passesApi: FunctionDefinition = {
  id: "passes-api",
  description: "Progress of the city's scheduled passes, for the city administrator",
  handler: "functions/passes/passes-api.handler.ts",
  routes: passesContract,
  table: "read",
  memoryMb: 256,
  timeoutSeconds: 10,
};
