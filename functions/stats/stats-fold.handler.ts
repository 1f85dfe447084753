import { functionStore } from "../platform/data/request-store.ts";
import { streamHandler } from "../platform/handlers/batch-handlers.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { dynamoFoldStore } from "./dynamodb-fold-store.ts";
import { foldChange } from "./fold.ts";
import { statsFold } from "./manifest.ts";
import { sourceChangeOf } from "./source-change.ts";

/** Each risk source record folded once (a redelivered one changes nothing: fold.ts). */
export const handler = streamHandler(statsFold, async (record) => {
  const change = sourceChangeOf(record);
  if (!change) return;
  tagTenant(change.tenantId);
  await foldChange(dynamoFoldStore(functionStore()), change);
});
