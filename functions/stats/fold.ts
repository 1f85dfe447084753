import { applyDelta, slicesOf } from "../../shared/stats/contribution.ts";
import { isSnapshotCell } from "../../shared/stats/trends.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import {
  type FoldChange,
  type FoldStore,
  type SliceWrite,
  STATS_SHARDS,
  sliceKey,
} from "./fold-model.ts";
import { type FoldPlan, foldedKeysOf, latestPerRecord, planFold } from "./fold-plan.ts";

/** DynamoDB's limit on the items of one transaction. */
const MAX_ITEMS = 100;
export const MAX_ATTEMPTS = 20;
/** Items a touched counter shard may add to a transaction: itself and its day's snapshot. */
const ITEMS_PER_SLICE = 2;

/** The counter items a change's new place touches (its old one is known only once read). */
function touchedBy(change: FoldChange): string[] {
  if (change.kind === "tenant") return [];
  if (change.kind === "enterprise") {
    const shard = shardOf(change.tenantId, STATS_SHARDS);
    return change.place
      ? slicesOf({ kind: "enterprise", ...change.place, stage: "known" }).map((slice) =>
          sliceKey(slice, shard),
        )
      : [];
  }
  if (change.kind === "reviewNotice" || !change.contribution) return [];
  const shard = shardOf(change.sourceId, STATS_SHARDS);
  return slicesOf(change.contribution).map((slice) => sliceKey(slice, shard));
}

/**
 * Cuts the changes into groups meant to fit one transaction, by the records and counter items
 * their new places touch; a group that still overflows once its old places are read is halved
 * (`foldGroup`).
 */
function transactionGroups(changes: readonly FoldChange[]): FoldChange[][] {
  const groups: FoldChange[][] = [];
  let group: FoldChange[] = [];
  let items = new Set<string>();
  for (const change of changes) {
    const touched = touchedBy(change);
    const grown = new Set([...items, ...touched]);
    // Each change writes its record and may write its enterprise's rollup.
    if (group.length > 0 && 2 * (group.length + 1) + ITEMS_PER_SLICE * grown.size > MAX_ITEMS) {
      groups.push(group);
      group = [];
      items = new Set(touched);
    } else {
      items = grown;
    }
    group.push(change);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Writes a plan's records and moves its counters in one transaction, each counter item on the
 * version just read; false when another fold got there first (read again and re-plan).
 */
export async function commitPlan(store: FoldStore, plan: FoldPlan): Promise<boolean> {
  const items = await store.readSlices([...plan.deltas.values()].map((d) => d.key));
  const writes = [...plan.deltas].map(([key, { key: at, delta }]): SliceWrite => {
    const item = items.get(key) ?? { counts: {}, version: 0 };
    return {
      ...at,
      expectedVersion: item.version,
      counts: applyDelta(item.counts, delta),
      snapshotChanged: Object.keys(delta).some(isSnapshotCell),
    };
  });
  return store.commit(plan.records, writes);
}

/**
 * Folds one group in one transaction, exactly once: each record's folded version guards against
 * redelivery (a version already folded changes nothing), and every counter item and enterprise
 * rollup is written on its own version, so two concurrent folds on one shard retry instead of
 * losing a count.
 */
async function foldGroup(store: FoldStore, group: readonly FoldChange[]): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const plan = planFold(group, await store.readFolded(foldedKeysOf(group)));
    if (plan.records.length === 0) return 0;
    if (plan.records.length + ITEMS_PER_SLICE * plan.deltas.size > MAX_ITEMS && group.length > 1) {
      const half = Math.ceil(group.length / 2);
      return (
        (await foldGroup(store, group.slice(0, half))) + (await foldGroup(store, group.slice(half)))
      );
    }
    if (await commitPlan(store, plan)) return plan.folded;
  }
  throw new Error(`folding ${group.length} changes lost ${MAX_ATTEMPTS} races in a row`);
}

/**
 * Folds a batch of changes into the counters: a few batch reads and one transaction per group
 * of records instead of a read of every counter item for every change. Returns how many
 * changes were folded (redelivered ones are not counted).
 */
export async function foldChanges(
  store: FoldStore,
  changes: readonly FoldChange[],
): Promise<number> {
  let folded = 0;
  for (const group of transactionGroups(latestPerRecord(changes))) {
    folded += await foldGroup(store, group);
  }
  return folded;
}

/** Folds one change; whether it was new. */
export async function foldChange(store: FoldStore, change: FoldChange): Promise<boolean> {
  return (await foldChanges(store, [change])) > 0;
}
