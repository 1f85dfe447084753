import {
  applyDelta,
  type Contribution,
  type Counts,
  foldDelta,
  keptInSlice,
  standingOf,
} from "../../shared/stats/contribution.ts";
import {
  EMPTY_ROLLUP,
  type EnterpriseRollup,
  enterpriseContributionOf,
  type SourceStanding,
  withSourceMoved,
} from "../../shared/stats/enterprise-coverage.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import {
  ENTERPRISE_ROLLUP,
  type EnterpriseChange,
  type FoldChange,
  type FoldedSource,
  type FoldedWrite,
  foldedKey,
  type ReviewNoticeChange,
  type SliceKey,
  type SourceChange,
  STATS_SHARDS,
  sliceKey,
  type TenantChange,
} from "./fold-model.ts";

/**
 * Notice dates kept per source: one is added per missed review, and only the one equal to the
 * current due date counts; older ones stay only because stream records of different items may
 * arrive out of order.
 */
const NOTICES_KEPT = 24;

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
export function latestPerRecord(changes: readonly FoldChange[]): FoldChange[] {
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

type SliceDeltas = Map<string, { key: SliceKey; delta: Counts }>;

/** Adds to `deltas` what moving a record's contribution from `previous` to `next` does on a shard. */
function addMove(
  deltas: SliceDeltas,
  shard: number,
  previous: Contribution | null,
  next: Contribution | null,
): void {
  for (const [slice, delta] of foldDelta(previous, next)) {
    const key = sliceKey(slice, shard);
    const into = deltas.get(key) ?? { key: { slice, shard }, delta: {} };
    into.delta = applyDelta(into.delta, delta);
    deltas.set(key, into);
  }
}

interface Planned {
  tenantId: string;
  sourceId: string;
  next: FoldedSource;
}

/** The folded records to write and the counter deltas of a group, on what was stored. */
export interface FoldPlan {
  folded: number;
  records: FoldedWrite[];
  deltas: SliceDeltas;
}

/**
 * Plays a group's changes on the stored folded records: each source's or warning's contribution
 * moves the counters on the shard fixed by its id (its old and new contributions land on the
 * same items), and each enterprise whose rollup moved re-contributes its coverage stage on the
 * shard fixed by its tenant id.
 */
export function planFold(
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
  const deltas: SliceDeltas = new Map();
  const move = (shard: number, previous: Contribution | null, next: Contribution | null) =>
    addMove(deltas, shard, previous, next);
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
export function foldedKeysOf(
  group: readonly FoldChange[],
): { tenantId: string; sourceId: string }[] {
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

/**
 * The rollup an enterprise's folded records add up to: its status and place as folded, its
 * sources' standings recounted. A table whose sources were folded before the rollups existed
 * holds sources no rollup counts; this is what a backfill writes.
 */
export function rebuiltRollup(
  stored: EnterpriseRollup | undefined,
  sources: Iterable<FoldedSource>,
): EnterpriseRollup {
  let rollup: EnterpriseRollup = { ...(stored ?? EMPTY_ROLLUP), sources: 0, graded: 0, overdue: 0 };
  for (const source of sources) rollup = withSourceMoved(rollup, null, standingOfFolded(source));
  return rollup;
}

/**
 * Writes an enterprise's rollup as `rollup` on the one stored: the rollup record on its next
 * version and its coverage stage moved on the counters, as the fold itself would.
 */
export function planRollupRepair(
  tenantId: string,
  stored: FoldedSource | undefined,
  rollup: EnterpriseRollup,
): FoldPlan {
  const next: FoldedSource = {
    version: (stored?.version ?? 0) + 1,
    contribution: enterpriseContributionOf(rollup),
    rollup,
  };
  const deltas: SliceDeltas = new Map();
  addMove(deltas, shardOf(tenantId, STATS_SHARDS), stored?.contribution ?? null, next.contribution);
  return {
    folded: 1,
    records: [{ tenantId, sourceId: ENTERPRISE_ROLLUP, expectedVersion: stored?.version, next }],
    deltas,
  };
}

/**
 * Takes off a counter item's cells its slice no longer keeps (`keptInSlice`: street cells
 * outside district slices, written before they moved), as a plan on the item's version; none
 * when it has no such cell.
 */
export function planStaleCellsRemoved(key: SliceKey, counts: Counts): FoldPlan | undefined {
  const stale = Object.entries(counts).filter(([cell]) => !keptInSlice(key.slice, cell));
  if (stale.length === 0) return undefined;
  const delta: Counts = Object.fromEntries(stale.map(([cell, n]) => [cell, -n]));
  return {
    folded: 0,
    records: [],
    deltas: new Map([[sliceKey(key.slice, key.shard), { key, delta }]]),
  };
}
