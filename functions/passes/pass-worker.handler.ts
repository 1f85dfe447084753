import { functionStore } from "../platform/data/request-store.ts";
import { queueHandler } from "../platform/handlers/batch-handlers.ts";
import { passWorker } from "./manifest.ts";
import { runPassMessage } from "./pass-messages.ts";
import { passMessageOf } from "./pass-queue.ts";

/**
 * The `passes` queue's consumer: starts re-evaluations (fanning out their segments) and runs
 * any pass's segments from their checkpoints. A worker cut off by its timeout leaves the
 * checkpoint of its last whole page; the message comes back after the visibility timeout and
 * resumes there.
 */
export const handler = queueHandler(passWorker, async (record) => {
  await runPassMessage(functionStore(), passMessageOf(record.body), () => new Date());
});
