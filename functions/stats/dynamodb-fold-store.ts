import { ConflictError } from "../../shared/errors.ts";
import { type EnterpriseRollup, stageOf } from "../../shared/stats/enterprise-coverage.ts";
import { beijingDay, snapshotCounts } from "../../shared/stats/trends.ts";
import { batchRead } from "../adapters/dynamodb/batch-read.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import {
  type FoldedSource,
  type FoldedWrite,
  type FoldStore,
  foldedKey,
  type SliceItem,
  type SliceWrite,
  sliceKey,
} from "./fold-model.ts";

/** A stored folded record as the fold reads it. */
export function foldedSourceOf(item: {
  version: number;
  contribution?: FoldedSource["contribution"] | undefined;
  overdueNotices?: string[] | undefined;
  rollup?: EnterpriseRollup | undefined;
}): FoldedSource {
  return {
    version: item.version,
    contribution: item.contribution ?? null,
    ...(item.overdueNotices ? { overdueNotices: item.overdueNotices } : {}),
    ...(item.rollup ? { rollup: item.rollup } : {}),
  };
}

const NO_STAGE = { stage: "", district: "", street: "", industry: "", shard: 0 };

/**
 * A folded record's keys in the directory's stage index: an enterprise's stage and place (its
 * item moves between `ESD#<district>#<stage>#<shard>` partitions as its stage does); blanks for
 * sources' records and for an enterprise with no stage or no profile, which the index leaves out.
 */
export function stageKeys(tenantId: string, rollup: EnterpriseRollup | undefined) {
  const stage = rollup ? stageOf(rollup) : null;
  return stage && rollup?.place ? { stage, ...rollup.place, shard: shardOf(tenantId) } : NO_STAGE;
}

/**
 * The fold's batch reads and its all-or-nothing write, on the single table. A shard whose level
 * cells move also gets its snapshot of the day (Beijing, by `now`) in the same transaction: the
 * last fold of a day leaves the day's closing value, which is what trends read.
 */
export function dynamoFoldStore(store: Store, now: () => Date = () => new Date()): FoldStore {
  const { statsContribution, statsSlice } = store.entities;
  // Consistent reads: a fold must see the versions the previous fold committed.
  const consistently = { consistent: true } as const;
  const foldedStep = ({ tenantId, sourceId, expectedVersion, next }: FoldedWrite): WriteStep => {
    const folded = {
      tenantId,
      sourceId,
      ...next,
      overdueNotices: next.overdueNotices?.slice(),
      ...stageKeys(tenantId, next.rollup),
    };
    return {
      action: (tx) =>
        expectedVersion === undefined
          ? tx.statsContribution.create(folded).commit()
          : tx.statsContribution
              .put(folded)
              .where(({ version: v }, { eq }) => eq(v, expectedVersion))
              .commit(),
    };
  };
  const sliceStep = (w: SliceWrite): WriteStep => ({
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
  });
  const snapshotStep = (w: SliceWrite): WriteStep => ({
    action: (tx) =>
      tx.statsSnapshot
        .put({
          slice: w.slice,
          shard: w.shard,
          date: beijingDay(now()),
          counts: snapshotCounts(w.counts),
        })
        .commit(),
  });
  return {
    async readFolded(sources) {
      const keys = sources.map(({ tenantId, sourceId }) => ({ tenantId, sourceId }));
      const items = await batchRead(keys, (batch) => statsContribution.get(batch).go(consistently));
      return new Map<string, FoldedSource>(
        items.map((i) => [foldedKey(i.tenantId, i.sourceId), foldedSourceOf(i)]),
      );
    },
    async readSlices(keys) {
      const items = await batchRead(keys, (batch) => statsSlice.get(batch).go(consistently));
      return new Map<string, SliceItem>(
        items.map((i) => [sliceKey(i.slice, i.shard), { counts: i.counts, version: i.version }]),
      );
    },
    async commit(folded, slices) {
      const steps = [
        ...folded.map(foldedStep),
        ...slices.map(sliceStep),
        ...slices.filter((w) => w.snapshotChanged).map(snapshotStep),
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
