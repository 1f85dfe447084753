import type { Store } from "../adapters/dynamodb/store.ts";

/** BatchGetItem answers at most this many keys per call. */
const BATCH = 100;

/**
 * Reads records by key in batches (one call for up to 100 keys), never one read per row; keys
 * DynamoDB leaves unprocessed are asked again. A record still missing is left out: a row
 * without a name is better than a failed listing.
 */
async function batchRead<K, T>(
  keys: readonly K[],
  read: (batch: K[]) => Promise<{ data: T[]; unprocessed: K[] }>,
): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < keys.length; start += BATCH) {
    let batch = keys.slice(start, start + BATCH);
    for (let attempt = 0; attempt < 3 && batch.length > 0; attempt++) {
      const { data, unprocessed } = await read(batch);
      found.push(...data);
      batch = unprocessed;
    }
  }
  return found;
}

/** The names of the enterprises behind a page of rows, by tenant id. */
export async function enterpriseNames(
  store: Store,
  tenantIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const keys = [...new Set(tenantIds)].map((tenantId) => ({ tenantId }));
  const items = await batchRead(keys, (batch) => store.entities.enterprise.get(batch).go());
  return new Map(items.map((item) => [item.tenantId, item.record.name]));
}

/** The names of the risk sources behind a page of rows (assessments), by source id. */
export async function riskSourceNames(
  store: Store,
  sources: readonly { tenantId: string; id: string }[],
): Promise<ReadonlyMap<string, string>> {
  const unique = new Map(sources.map((s) => [s.id, { tenantId: s.tenantId, id: s.id }]));
  const items = await batchRead([...unique.values()], (batch) =>
    store.entities.riskSource.get(batch).go(),
  );
  return new Map(items.map((item) => [item.id, item.record.name]));
}

/** One enterprise's name (written onto a submitted assessment for the review queue). */
export async function enterpriseNameOf(
  store: Store,
  tenantId: string,
): Promise<string | undefined> {
  const { data } = await store.entities.enterprise.get({ tenantId }).go();
  return data?.record.name;
}
