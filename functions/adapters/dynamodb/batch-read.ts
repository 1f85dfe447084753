/** BatchGetItem answers at most this many keys per call. */
const BATCH = 100;

/**
 * Reads records by key in batches (one call for up to 100 keys), never one read per key; keys
 * DynamoDB leaves unprocessed are asked again. A record still missing after three rounds is
 * left out: callers treat absence as "not found".
 */
export async function batchRead<K, T>(
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
