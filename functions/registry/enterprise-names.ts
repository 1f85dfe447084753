import type { Store } from "../adapters/dynamodb/store.ts";

/** BatchGetItem answers at most this many keys per call. */
const BATCH = 100;

/**
 * The names of the enterprises behind a page of rows, read in batches (one call for a page of
 * up to 100 enterprises), never one read per row. Keys DynamoDB leaves unprocessed are asked
 * again; a name still missing leaves its row without one rather than failing the listing.
 */
export async function enterpriseNames(
  store: Store,
  tenantIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...new Set(tenantIds)];
  for (let start = 0; start < wanted.length; start += BATCH) {
    let keys = wanted.slice(start, start + BATCH).map((tenantId) => ({ tenantId }));
    for (let attempt = 0; attempt < 3 && keys.length > 0; attempt++) {
      const { data, unprocessed } = await store.entities.enterprise.get(keys).go();
      for (const item of data) names.set(item.tenantId, item.record.name);
      keys = unprocessed.map(({ tenantId }) => ({ tenantId }));
    }
  }
  return names;
}
