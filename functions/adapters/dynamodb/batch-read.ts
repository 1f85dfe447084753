import { setTimeout as sleep } from "node:timers/promises";

/** BatchGetItem answers at most this many keys per call. */
const BATCH = 100;
const ROUNDS = 3;

/**
 * Reads records by key in batches (one call for up to 100 keys), never one read per key; keys
 * DynamoDB leaves unprocessed (throttled) are asked again after a short pause. A record still
 * missing after three rounds is left out — callers treat absence as "not found" — unless the
 * caller needs every answer (`complete`): then it throws, since "not found" would be a wrong
 * answer (a counter read as zero).
 */
export async function batchRead<K, T>(
  keys: readonly K[],
  read: (batch: K[]) => Promise<{ data: T[]; unprocessed: K[] }>,
  options: { complete?: boolean } = {},
): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < keys.length; start += BATCH) {
    let batch = keys.slice(start, start + BATCH);
    for (let round = 0; round < ROUNDS && batch.length > 0; round++) {
      if (round > 0) await sleep(50 * 2 ** round);
      const { data, unprocessed } = await read(batch);
      found.push(...data);
      batch = unprocessed;
    }
    if (batch.length > 0 && options.complete) {
      throw new Error(`${batch.length} key(s) still unprocessed after ${ROUNDS} rounds`);
    }
  }
  return found;
}
