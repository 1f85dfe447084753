import { passesContract } from "../../shared/contracts/passes.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/**
 * The daily review-due pass: one schedule for the whole city, never one per source. It starts
 * (or resumes, the same day) a checkpointed pass over the review-due index's segments.
 */
export const reviewDuePass: FunctionDefinition = {
  id: "review-due-pass",
  description: "Announces sources whose periodic review passed (review.overdue), checkpointed",
  handler: "functions/passes/review-due-pass.handler.ts",
  schedules: ["review-due"],
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 900,
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
