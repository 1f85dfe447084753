import type { FoldedSource, FoldStore, SliceItem, SliceWrite, SourceChange } from "./fold.ts";

/** The fold store in memory: the property test's and the benchmark oracle's. */
export class MemoryFoldStore implements FoldStore {
  readonly folded = new Map<string, FoldedSource>();
  readonly slices = new Map<string, SliceItem>();

  async readFolded(tenantId: string, sourceId: string) {
    return this.folded.get(`${tenantId}#${sourceId}`);
  }

  async readSlice(slice: string, shard: number): Promise<SliceItem> {
    return this.slices.get(`${slice}#${shard}`) ?? { counts: {}, version: 0 };
  }

  async commit(change: SourceChange, expected: number | undefined, writes: readonly SliceWrite[]) {
    const key = `${change.tenantId}#${change.sourceId}`;
    if (this.folded.get(key)?.version !== expected) return false;
    for (const w of writes) {
      if ((this.slices.get(`${w.slice}#${w.shard}`)?.version ?? 0) !== w.expectedVersion)
        return false;
    }
    this.folded.set(key, { version: change.version, contribution: change.contribution });
    for (const w of writes) {
      this.slices.set(`${w.slice}#${w.shard}`, {
        counts: w.counts,
        version: w.expectedVersion + 1,
      });
    }
    return true;
  }
}
