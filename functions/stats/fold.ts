import {
  applyDelta,
  type Contribution,
  type Counts,
  foldDelta,
  slicesOf,
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

export interface SliceKey {
  slice: string;
  shard: number;
}

export interface SliceWrite extends SliceKey {
  expectedVersion: number;
  counts: Counts;
  /** Whether the level cells moved: then the day's snapshot of the shard is written too (trends). */
  levelsChanged: boolean;
}

/** A change to record as folded, on the version folded before it (`undefined`: never folded). */
export interface FoldedWrite {
  change: SourceChange;
  expectedVersion: number | undefined;
}

/**
 * Where folding reads and writes. Reads take many keys at once (one batch read, not one per
 * key); `commit` writes all or nothing and says false on a lost race.
 */
export interface FoldStore {
  readFolded(
    sources: readonly { tenantId: string; sourceId: string }[],
  ): Promise<ReadonlyMap<string, FoldedSource>>;
  readSlices(keys: readonly SliceKey[]): Promise<ReadonlyMap<string, SliceItem>>;
  commit(folded: readonly FoldedWrite[], slices: readonly SliceWrite[]): Promise<boolean>;
}

export const foldedKey = (tenantId: string, sourceId: string) => `${tenantId}#${sourceId}`;
export const sliceKey = (slice: string, shard: number) => `${slice}#${shard}`;

/** DynamoDB's limit on the items of one transaction. */
const MAX_ITEMS = 100;
const MAX_ATTEMPTS = 20;
/** Items a touched counter shard may add to a transaction: itself and its day's snapshot. */
const ITEMS_PER_SLICE = 2;

/**
 * The latest change of each source in a batch: a stream batch often holds a source's
 * registration and its grading, and folding the later one alone moves the counters the same.
 */
function latestPerSource(changes: readonly SourceChange[]): SourceChange[] {
  const latest = new Map<string, SourceChange>();
  for (const change of changes) {
    const key = foldedKey(change.tenantId, change.sourceId);
    const seen = latest.get(key);
    if (!seen || seen.version < change.version) latest.set(key, change);
  }
  return [...latest.values()];
}

/** Per-slice deltas of a group of changes, each source's on the shard fixed by its id. */
function deltasOf(
  group: readonly { change: SourceChange; previous: Contribution | null }[],
): Map<string, { key: SliceKey; delta: Counts }> {
  const deltas = new Map<string, { key: SliceKey; delta: Counts }>();
  for (const { change, previous } of group) {
    // Fixed by the source's id: its old and new contributions land on the same items.
    const shard = shardOf(change.sourceId, STATS_SHARDS);
    for (const [slice, delta] of foldDelta(previous, change.contribution)) {
      const key = sliceKey(slice, shard);
      const into = deltas.get(key) ?? { key: { slice, shard }, delta: {} };
      into.delta = applyDelta(into.delta, delta);
      deltas.set(key, into);
    }
  }
  return deltas;
}

/**
 * Cuts the changes into groups meant to fit one transaction, by the counter items their new
 * places touch; a group that still overflows once its old places are read is halved
 * (`foldGroup`).
 */
function transactionGroups(changes: readonly SourceChange[]): SourceChange[][] {
  const groups: SourceChange[][] = [];
  let group: SourceChange[] = [];
  let items = new Set<string>();
  for (const change of changes) {
    const shard = shardOf(change.sourceId, STATS_SHARDS);
    const touched = change.contribution
      ? slicesOf(change.contribution).map((slice) => sliceKey(slice, shard))
      : [];
    const grown = new Set([...items, ...touched]);
    if (group.length > 0 && group.length + 1 + ITEMS_PER_SLICE * grown.size > MAX_ITEMS) {
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
 * Folds one group in one transaction, exactly once: each source's folded version guards against
 * redelivery (a version already folded changes nothing) and every counter item is written on
 * its own version, so two concurrent folds on one shard retry instead of losing a count.
 */
async function foldGroup(store: FoldStore, group: readonly SourceChange[]): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const folded = await store.readFolded(group);
    const pending = group
      .map((change) => ({ change, was: folded.get(foldedKey(change.tenantId, change.sourceId)) }))
      .filter(({ change, was }) => !was || was.version < change.version);
    if (pending.length === 0) return 0;
    const deltas = deltasOf(
      pending.map(({ change, was }) => ({ change, previous: was?.contribution ?? null })),
    );
    if (pending.length + ITEMS_PER_SLICE * deltas.size > MAX_ITEMS && group.length > 1) {
      const half = Math.ceil(group.length / 2);
      return (
        (await foldGroup(store, group.slice(0, half))) + (await foldGroup(store, group.slice(half)))
      );
    }
    const items = await store.readSlices([...deltas.values()].map((d) => d.key));
    const writes = [...deltas].map(([key, { key: at, delta }]): SliceWrite => {
      const item = items.get(key) ?? { counts: {}, version: 0 };
      return {
        ...at,
        expectedVersion: item.version,
        counts: applyDelta(item.counts, delta),
        levelsChanged: Object.keys(delta).some((name) => name.startsWith("L:")),
      };
    });
    const records = pending.map(({ change, was }) => ({ change, expectedVersion: was?.version }));
    if (await store.commit(records, writes)) return pending.length;
  }
  throw new Error(`folding ${group.length} changes lost ${MAX_ATTEMPTS} races in a row`);
}

/**
 * Folds a batch of changes into the counters: a few batch reads and one transaction per group
 * of sources instead of a read of every counter item for every change. Returns how many
 * source changes were folded (redelivered ones are not counted).
 */
export async function foldChanges(
  store: FoldStore,
  changes: readonly SourceChange[],
): Promise<number> {
  let folded = 0;
  for (const group of transactionGroups(latestPerSource(changes))) {
    folded += await foldGroup(store, group);
  }
  return folded;
}

/** Folds one change; whether it was new. */
export async function foldChange(store: FoldStore, change: SourceChange): Promise<boolean> {
  return (await foldChanges(store, [change])) > 0;
}
