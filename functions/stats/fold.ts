import {
  applyDelta,
  type Contribution,
  type Counts,
  foldDelta,
} from "../../shared/stats/contribution.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";

/** Counter items per slice: a busy slice (the whole city) takes writes on several items. */
export const STATS_SHARDS = 4;

/** A source as folded so far: the record version folded last and what it contributed. */
export interface FoldedSource {
  version: number;
  contribution: Contribution | null;
}

/** One change of a source the stream carries: its record version and its new contribution. */
export interface SourceChange {
  tenantId: string;
  sourceId: string;
  version: number;
  /** `null` when the source was deleted. */
  contribution: Contribution | null;
}

export interface SliceItem {
  counts: Counts;
  /** 0 for an item not written yet. */
  version: number;
}

export interface SliceWrite {
  slice: string;
  shard: number;
  expectedVersion: number;
  counts: Counts;
  /** Whether the level cells moved: then the day's snapshot of the shard is written too (trends). */
  levelsChanged: boolean;
}

/** Where folding reads and writes; `commit` writes all or nothing and says false on a lost race. */
export interface FoldStore {
  readFolded(tenantId: string, sourceId: string): Promise<FoldedSource | undefined>;
  readSlice(slice: string, shard: number): Promise<SliceItem>;
  commit(
    change: SourceChange,
    expectedVersion: number | undefined,
    slices: readonly SliceWrite[],
  ): Promise<boolean>;
}

const MAX_ATTEMPTS = 20;

/**
 * Folds one change into the counters, exactly once: the source's folded version guards against
 * redelivery (a version already folded changes nothing) and every counter item is written on
 * its own version, so two concurrent folds on one shard retry instead of losing a count.
 * Returns whether the change moved anything.
 */
export async function foldChange(store: FoldStore, change: SourceChange): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const folded = await store.readFolded(change.tenantId, change.sourceId);
    if (folded && folded.version >= change.version) return false;
    // Fixed by the source's id: its old and new contributions land on the same items.
    const shard = shardOf(change.sourceId, STATS_SHARDS);
    const deltas = foldDelta(folded?.contribution ?? null, change.contribution);
    const writes: SliceWrite[] = [];
    for (const [slice, delta] of deltas) {
      const item = await store.readSlice(slice, shard);
      writes.push({
        slice,
        shard,
        expectedVersion: item.version,
        counts: applyDelta(item.counts, delta),
        levelsChanged: Object.keys(delta).some((name) => name.startsWith("L:")),
      });
    }
    if (await store.commit(change, folded?.version, writes)) return deltas.size > 0;
  }
  throw new Error(`folding ${change.sourceId} lost ${MAX_ATTEMPTS} races in a row`);
}
