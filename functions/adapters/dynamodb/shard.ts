/**
 * Jurisdiction indexes are sharded so one busy district (or industry) at one level cannot become
 * a hot partition: a re-grade pass over a district writes across SHARDS partitions, each with its
 * own 1,000 write units/s (benchmarks.md). Listing reads the shards one after another.
 */
export const JURISDICTION_SHARDS = 4;

/** FNV-1a of the id, so an item's shard is stable and needs no lookup. */
export function shardOf(id: string, shards = JURISDICTION_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

export const SHARDS: readonly number[] = Array.from({ length: JURISDICTION_SHARDS }, (_, i) => i);
