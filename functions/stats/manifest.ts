import { statsContract } from "../../shared/contracts/stats.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";
import { FOLDED_ENTITIES } from "./fold-change.ts";

const foldedEntities = { __edb_e__: { S: [...FOLDED_ENTITIES] } };

/**
 * Folds every risk source, warning, enterprise tenant and review notice change the table's
 * stream carries into the statistics counters (shared/stats/contribution.ts), so officials'
 * statistics — their count of live warnings, their enterprises' coverage — cost the same at any
 * city size.
 */
export const statsFold: FunctionDefinition = {
  id: "stats-fold",
  description:
    "Folds risk source, warning, enterprise and review notice changes into the statistics (统计)",
  handler: "functions/stats/stats-fold.handler.ts",
  stream: {
    filters: [
      { eventName: ["INSERT", "MODIFY"], dynamodb: { NewImage: foldedEntities } },
      { eventName: ["REMOVE"], dynamodb: { OldImage: foldedEntities } },
    ],
    batchSize: 50,
    maxRetries: 10,
  },
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 60,
};

/** Officials' statistics, read from the folded counters of their jurisdiction. */
export const statsApi: FunctionDefinition = {
  id: "stats-api",
  description: "Statistics for officials: levels, districts, industries, accident types, coverage",
  handler: "functions/stats/stats-api.handler.ts",
  routes: statsContract,
  table: "read",
  memoryMb: 256,
  timeoutSeconds: 10,
};

/**
 * Nightly check that the fold is exact: starts the reconciliation pass, whose segments run on the
 * pass worker (they recompute from the registry and the last compares with the counters).
 */
export const statsReconcile: FunctionDefinition = {
  id: "stats-reconcile",
  description:
    "Starts the nightly reconciliation of the statistics with the registry (drift must be zero)",
  handler: "functions/stats/stats-reconcile.handler.ts",
  schedules: ["stats-reconcile"],
  table: "readWrite",
  memoryMb: 256,
  // A checkpoint and a queue message per segment: 64 small writes.
  timeoutSeconds: 120,
};
