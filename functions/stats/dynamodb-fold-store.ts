import { ConflictError } from "../../shared/errors.ts";
import { beijingDay, snapshotCounts } from "../../shared/stats/trends.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import type { FoldedSource, FoldStore, SliceItem, SliceWrite, SourceChange } from "./fold.ts";

/**
 * The fold's reads and its all-or-nothing write, on the single table. A shard whose level cells
 * move also gets its snapshot of the day (Beijing, by `now`) in the same transaction: the last
 * fold of a day leaves the day's closing value, which is what trends read.
 */
export function dynamoFoldStore(store: Store, now: () => Date = () => new Date()): FoldStore {
  const { statsContribution, statsSlice } = store.entities;
  return {
    async readFolded(tenantId, sourceId): Promise<FoldedSource | undefined> {
      const { data } = await statsContribution.get({ tenantId, sourceId }).go({ consistent: true });
      return data ? { version: data.version, contribution: data.contribution ?? null } : undefined;
    },
    async readSlice(slice, shard): Promise<SliceItem> {
      const { data } = await statsSlice.get({ slice, shard }).go({ consistent: true });
      return data ? { counts: data.counts, version: data.version } : { counts: {}, version: 0 };
    },
    async commit(change: SourceChange, expected, writes: readonly SliceWrite[]) {
      const { tenantId, sourceId, version, contribution } = change;
      const folded = { tenantId, sourceId, version, contribution };
      const steps: WriteStep[] = [
        {
          action: (tx) =>
            expected === undefined
              ? tx.statsContribution.create(folded).commit()
              : tx.statsContribution
                  .put(folded)
                  .where(({ version: v }, { eq }) => eq(v, expected))
                  .commit(),
        },
        ...writes.map(
          (w): WriteStep => ({
            action: (tx) => {
              const item = {
                slice: w.slice,
                shard: w.shard,
                counts: w.counts,
                version: w.expectedVersion + 1,
                updatedAt: now().toISOString(),
              };
              return w.expectedVersion === 0
                ? tx.statsSlice.create(item).commit()
                : tx.statsSlice
                    .put(item)
                    .where(({ version: v }, { eq }) => eq(v, w.expectedVersion))
                    .commit();
            },
          }),
        ),
        ...writes
          .filter((w) => w.levelsChanged)
          .map(
            (w): WriteStep => ({
              action: (tx) =>
                tx.statsSnapshot
                  .put({
                    slice: w.slice,
                    shard: w.shard,
                    date: beijingDay(now()),
                    counts: snapshotCounts(w.counts),
                  })
                  .commit(),
            }),
          ),
      ];
      try {
        const outcome = await attemptTogether(store, steps);
        return outcome.committed;
      } catch (error) {
        // Another fold held one of the items (TransactionConflict): read again and retry.
        if (error instanceof ConflictError) return false;
        throw error;
      }
    },
  };
}
