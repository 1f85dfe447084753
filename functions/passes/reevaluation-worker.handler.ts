import { functionStore } from "../platform/data/request-store.ts";
import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { reevaluationWorker } from "./manifest.ts";
import { reevaluationMessageOf } from "./reevaluation-queue.ts";
import { handleReevaluation } from "./reevaluation-run.ts";

/**
 * The `reevaluation` queue's consumer: starts passes (fanning out their segments) and runs
 * segments from their checkpoints. A worker cut off by its timeout leaves the checkpoint of its
 * last whole page; the message comes back after the visibility timeout and resumes there.
 */
export const handler = queueHandler(reevaluationWorker, async (record) => {
  await handleReevaluation(functionStore(), reevaluationMessageOf(record.body), () => new Date());
});
