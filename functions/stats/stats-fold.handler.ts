import { functionStore } from "../platform/data/request-store.ts";
import { streamBatchHandler } from "../platform/handlers/batch-handlers.ts";
import { dynamoFoldStore } from "./dynamodb-fold-store.ts";
import { foldChanges, type SourceChange } from "./fold.ts";
import { statsFold } from "./manifest.ts";
import { sourceChangeOf } from "./source-change.ts";

/**
 * A stream batch folded together: a redelivered record changes nothing (fold.ts), so a batch
 * that fails and comes again is safe.
 */
export const handler = streamBatchHandler(statsFold, async (records) => {
  const changes = records.map(sourceChangeOf).filter((c): c is SourceChange => c !== undefined);
  await foldChanges(dynamoFoldStore(functionStore()), changes);
});
