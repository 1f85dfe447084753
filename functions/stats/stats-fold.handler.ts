import { functionStore } from "../platform/data/request-store.ts";
import { streamBatchHandler } from "../platform/handlers/batch-handlers.ts";
import { dynamoFoldStore } from "./dynamodb-fold-store.ts";
import { foldChanges } from "./fold.ts";
import { foldChangeOf } from "./fold-change.ts";
import type { FoldChange } from "./fold-model.ts";
import { statsFold } from "./manifest.ts";

/**
 * A stream batch folded together: a redelivered record changes nothing (fold.ts), so a batch
 * that fails and comes again is safe.
 */
export const handler = streamBatchHandler(statsFold, async (records) => {
  const changes = records.map(foldChangeOf).filter((c): c is FoldChange => c !== undefined);
  await foldChanges(dynamoFoldStore(functionStore()), changes);
});
