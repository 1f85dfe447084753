import {
  type FoldedSource,
  type FoldedWrite,
  type FoldStore,
  foldedKey,
  type SliceItem,
  type SliceKey,
  type SliceWrite,
  sliceKey,
} from "./fold-model.ts";

/** The fold store in memory: the property test's oracle of the fold's arithmetic. */
export class MemoryFoldStore implements FoldStore {
  readonly folded = new Map<string, FoldedSource>();
  readonly slices = new Map<string, SliceItem>();

  async readFolded(sources: readonly { tenantId: string; sourceId: string }[]) {
    const found = new Map<string, FoldedSource>();
    for (const { tenantId, sourceId } of sources) {
      const key = foldedKey(tenantId, sourceId);
      const item = this.folded.get(key);
      if (item) found.set(key, item);
    }
    return found;
  }

  async readSlices(keys: readonly SliceKey[]) {
    const found = new Map<string, SliceItem>();
    for (const { slice, shard } of keys) {
      const item = this.slices.get(sliceKey(slice, shard));
      if (item) found.set(sliceKey(slice, shard), item);
    }
    return found;
  }

  async commit(folded: readonly FoldedWrite[], writes: readonly SliceWrite[]) {
    for (const { tenantId, sourceId, expectedVersion } of folded) {
      if (this.folded.get(foldedKey(tenantId, sourceId))?.version !== expectedVersion) return false;
    }
    for (const w of writes) {
      if ((this.slices.get(sliceKey(w.slice, w.shard))?.version ?? 0) !== w.expectedVersion)
        return false;
    }
    for (const { tenantId, sourceId, next } of folded) {
      this.folded.set(foldedKey(tenantId, sourceId), next);
    }
    for (const w of writes) {
      this.slices.set(sliceKey(w.slice, w.shard), {
        counts: w.counts,
        version: w.expectedVersion + 1,
      });
    }
    return true;
  }
}
