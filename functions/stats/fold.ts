import {
  applyDelta,
  type Contribution,
  type Counts,
  foldDelta,
  slicesOf,
  standingOf,
} from "../../shared/stats/contribution.ts";
import {
  EMPTY_ROLLUP,
  type EnterprisePlace,
  type EnterpriseRollup,
  enterpriseContributionOf,
  type SourceStanding,
  withSourceMoved,
} from "../../shared/stats/enterprise-coverage.ts";
import type { TenantStatus } from "../../shared/tenancy/tenant.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";

/** Counter items per slice: a busy slice (the whole city) takes writes on several items. */
export const STATS_SHARDS = 4;

/**
 * A record as folded so far. For a source or a warning: the record version folded last and what
 * it contributed. For an enterprise (`ENTERPRISE_ROLLUP`): a write counter, its rollup and the
 * coverage it contributed.
 */
export interface FoldedSource {
  version: number;
  contribution: Contribution | null;
  /** Sources: the due dates the review-due pass announced overdue (its `reviewNotice` items). */
  overdueNotices?: readonly string[];
  rollup?: EnterpriseRollup;
}

/** One change of a source (or a warning) the stream carries: its record version and its new contribution. */
export interface SourceChange {
  kind?: never;
  tenantId: string;
  sourceId: string;
  version: number;
  /** `null` when the source was deleted. */
  contribution: Contribution | null;
}

/** The review-due pass announced a source overdue for a due date. */
export interface ReviewNoticeChange {
  kind: "reviewNotice";
  tenantId: string;
  sourceId: string;
  dueAt: string;
}

/** A tenant record changed: an enterprise's status (`null`: not an enterprise, or removed). */
export interface TenantChange {
  kind: "tenant";
  tenantId: string;
  version: number;
  status: TenantStatus | null;
}

/** An enterprise profile changed: where it is supervised (`null`: removed). */
export interface EnterpriseChange {
  kind: "enterprise";
  tenantId: string;
  version: number;
  place: EnterprisePlace | null;
}

export type FoldChange = SourceChange | ReviewNoticeChange | TenantChange | EnterpriseChange;

/** The folded record an enterprise's rollup is kept in, beside its sources' own. */
export const ENTERPRISE_ROLLUP = "enterprise";

/**
 * Notice dates kept per source: one is added per missed review, and only the one equal to the
 * current due date counts; older ones stay only because stream records of different items may
 * arrive out of order.
 */
const NOTICES_KEPT = 24;

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

/** A folded record to write, on the version stored before it (`undefined`: none stored). */
export interface FoldedWrite {
  tenantId: string;
  sourceId: string;
  expectedVersion: number | undefined;
  next: FoldedSource;
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

/** Which record a change is about: changes to one record replace each other in a batch. */
function changeKey(change: FoldChange): string {
  if (change.kind === "tenant" || change.kind === "enterprise") {
    return `${change.kind}#${change.tenantId}`;
  }
  const key = foldedKey(change.tenantId, change.sourceId);
  return change.kind === "reviewNotice" ? `notice#${key}#${change.dueAt}` : key;
}

const versionOf = (change: FoldChange) => (change.kind === "reviewNotice" ? 0 : change.version);

/**
 * The latest change of each record in a batch: a stream batch often holds a source's
 * registration and its grading, and folding the later one alone moves the counters the same.
 */
function latestPerRecord(changes: readonly FoldChange[]): FoldChange[] {
  const latest = new Map<string, FoldChange>();
  for (const change of changes) {
    const key = changeKey(change);
    const seen = latest.get(key);
    if (!seen || versionOf(seen) < versionOf(change)) latest.set(key, change);
  }
  return [...latest.values()];
}

/** A source's folded record after a change, or `undefined` when the change is already folded. */
function foldedAfter(
  was: FoldedSource | undefined,
  change: SourceChange | ReviewNoticeChange,
): FoldedSource | undefined {
  if (change.kind === "reviewNotice") {
    const notices = was?.overdueNotices ?? [];
    if (notices.includes(change.dueAt)) return undefined;
    return {
      version: was?.version ?? 0,
      contribution: was?.contribution ?? null,
      overdueNotices: [...notices, change.dueAt].sort().slice(-NOTICES_KEPT),
    };
  }
  if (was && was.version >= change.version) return undefined;
  return { ...was, version: change.version, contribution: change.contribution };
}

/** A rollup after its tenant's status or profile changed, or `undefined` when already folded. */
function rolledUp(
  rollup: EnterpriseRollup,
  change: TenantChange | EnterpriseChange,
): EnterpriseRollup | undefined {
  if (change.kind === "tenant") {
    if (rollup.statusVersion >= change.version) return undefined;
    return { ...rollup, statusVersion: change.version, status: change.status };
  }
  if (rollup.placeVersion >= change.version) return undefined;
  return { ...rollup, placeVersion: change.version, place: change.place };
}

/** What a folded source adds to its enterprise's rollup (warnings add nothing). */
function standingOfFolded(folded: FoldedSource | undefined): SourceStanding | null {
  const c = folded?.contribution ?? null;
  return c && c.kind === undefined ? standingOf(c, folded?.overdueNotices ?? []) : null;
}

const sameStanding = (a: SourceStanding | null, b: SourceStanding | null) =>
  a?.graded === b?.graded && a?.overdue === b?.overdue;

interface Planned {
  tenantId: string;
  sourceId: string;
  next: FoldedSource;
}

/** The folded records to write and the counter deltas of a group, on what was stored. */
interface FoldPlan {
  folded: number;
  records: FoldedWrite[];
  deltas: Map<string, { key: SliceKey; delta: Counts }>;
}

/**
 * Plays a group's changes on the stored folded records: each source's or warning's contribution
 * moves the counters on the shard fixed by its id (its old and new contributions land on the
 * same items), and each enterprise whose rollup moved re-contributes its coverage stage on the
 * shard fixed by its tenant id.
 */
function planFold(
  group: readonly FoldChange[],
  stored: ReadonlyMap<string, FoldedSource>,
): FoldPlan {
  const planned = new Map<string, Planned>();
  const current = (tenantId: string, sourceId: string) => {
    const key = foldedKey(tenantId, sourceId);
    return planned.get(key)?.next ?? stored.get(key);
  };
  const rollupOf = (tenantId: string) =>
    current(tenantId, ENTERPRISE_ROLLUP)?.rollup ?? EMPTY_ROLLUP;
  const setRollup = (tenantId: string, rollup: EnterpriseRollup) => {
    const was = stored.get(foldedKey(tenantId, ENTERPRISE_ROLLUP));
    planned.set(foldedKey(tenantId, ENTERPRISE_ROLLUP), {
      tenantId,
      sourceId: ENTERPRISE_ROLLUP,
      next: { version: (was?.version ?? 0) + 1, contribution: null, rollup },
    });
  };
  const deltas = new Map<string, { key: SliceKey; delta: Counts }>();
  const move = (shard: number, previous: Contribution | null, next: Contribution | null) => {
    for (const [slice, delta] of foldDelta(previous, next)) {
      const key = sliceKey(slice, shard);
      const into = deltas.get(key) ?? { key: { slice, shard }, delta: {} };
      into.delta = applyDelta(into.delta, delta);
      deltas.set(key, into);
    }
  };
  let folded = 0;
  for (const change of group) {
    const { tenantId } = change;
    if (change.kind === "tenant" || change.kind === "enterprise") {
      const next = rolledUp(rollupOf(tenantId), change);
      if (!next) continue;
      setRollup(tenantId, next);
      folded++;
      continue;
    }
    const was = current(tenantId, change.sourceId);
    const next = foldedAfter(was, change);
    if (!next) continue;
    folded++;
    planned.set(foldedKey(tenantId, change.sourceId), {
      tenantId,
      sourceId: change.sourceId,
      next,
    });
    move(shardOf(change.sourceId, STATS_SHARDS), was?.contribution ?? null, next.contribution);
    const before = standingOfFolded(was);
    const after = standingOfFolded(next);
    if (!sameStanding(before, after)) {
      setRollup(tenantId, withSourceMoved(rollupOf(tenantId), before, after));
    }
  }
  for (const [key, { tenantId, next }] of planned) {
    if (!next.rollup) continue;
    next.contribution = enterpriseContributionOf(next.rollup);
    move(shardOf(tenantId, STATS_SHARDS), stored.get(key)?.contribution ?? null, next.contribution);
  }
  const records = [...planned].map(([key, p]) => ({
    ...p,
    expectedVersion: stored.get(key)?.version,
  }));
  return { folded, records, deltas };
}

/** The folded records a group reads: each changed source's and its enterprise's rollup. */
function foldedKeysOf(group: readonly FoldChange[]): { tenantId: string; sourceId: string }[] {
  const keys = new Map<string, { tenantId: string; sourceId: string }>();
  for (const change of group) {
    const { tenantId } = change;
    keys.set(foldedKey(tenantId, ENTERPRISE_ROLLUP), { tenantId, sourceId: ENTERPRISE_ROLLUP });
    if (change.kind !== "tenant" && change.kind !== "enterprise") {
      keys.set(foldedKey(tenantId, change.sourceId), { tenantId, sourceId: change.sourceId });
    }
  }
  return [...keys.values()];
}

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
    const items = await store.readSlices([...plan.deltas.values()].map((d) => d.key));
    const writes = [...plan.deltas].map(([key, { key: at, delta }]): SliceWrite => {
      const item = items.get(key) ?? { counts: {}, version: 0 };
      return {
        ...at,
        expectedVersion: item.version,
        counts: applyDelta(item.counts, delta),
        levelsChanged: Object.keys(delta).some((name) => name.startsWith("L:")),
      };
    });
    if (await store.commit(plan.records, writes)) return plan.folded;
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
