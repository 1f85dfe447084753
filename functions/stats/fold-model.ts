import type { Contribution, Counts } from "../../shared/stats/contribution.ts";
import type { EnterpriseRollup } from "../../shared/stats/enterprise-coverage.ts";
import type { Place } from "../../shared/tenancy/scope.ts";
import type { TenantStatus } from "../../shared/tenancy/tenant.ts";

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

/** A source's (or a warning's) change the stream carries: its record version and new contribution. */
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
  place: Place | null;
}

export type FoldChange = SourceChange | ReviewNoticeChange | TenantChange | EnterpriseChange;

/** The folded record an enterprise's rollup is kept in, beside its sources' own. */
export const ENTERPRISE_ROLLUP = "enterprise";

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
  /** Whether a snapshot cell moved: then the day's snapshot of the shard is written too (trends). */
  snapshotChanged: boolean;
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
