import { randomUUID } from "node:crypto";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { DISTRICT_CODES } from "../../shared/catalogs/districts.ts";
import { INDUSTRY_IDS } from "../../shared/catalogs/industries.ts";
import { type Enterprise, placeOfEnterprise } from "../../shared/risk/enterprise.ts";
import {
  type Contribution,
  type Counts,
  contributionOf,
  recompute,
  sumCounts,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import { enterpriseContributions } from "../../shared/stats/enterprise-recompute.ts";
import { batchRead } from "../adapters/dynamodb/batch-read.ts";
import { isConditionFailure } from "../adapters/dynamodb/conditions.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import {
  DISTRICT_SHARD_SEGMENTS,
  datedPassId,
  districtShardOf,
  type PassOutline,
  type PassPlan,
  passProgress,
  runPass,
  runSegment,
} from "../passes/pass-runner.ts";
import { logger, metrics } from "../platform/powertools.ts";
import { loadTenant } from "../tenancy/tenant-records.ts";
import { enterpriseStatusOf } from "./fold-change.ts";
import { STATS_SHARDS } from "./fold-model.ts";
import type { Drift, DriftReport, ReconciliationObjects } from "./reconciliation-objects.ts";

export type { Drift } from "./reconciliation-objects.ts";

/** Enterprises of the index a page reads; their partitions are read a few at a time. */
const PAGE = 100;
const READ_AT_ONCE = 8;
/** Drifting counters a report lists (the total is always given). */
const REPORTED = 1000;

/** What one enterprise's sources, live warnings and coverage stage contribute, per the registry. */
async function registryOf(store: Store, enterprise: Enterprise): Promise<Contribution[]> {
  const { tenantId } = enterprise;
  const all = { pages: "all" } as const;
  const [tenant, sources, warnings, notices] = await Promise.all([
    loadTenant(store, tenantId),
    store.entities.riskSource.query.byTenant({ tenantId }).go(all),
    store.entities.warning.query.byTenant({ tenantId }).go(all),
    store.entities.reviewNotice.query.byTenant({ tenantId }).go(all),
  ]);
  const registry = sources.data.map((item) => ({
    tenantId,
    sourceId: item.id,
    contribution: contributionOf(item.record),
  }));
  const place = placeOfEnterprise(enterprise);
  const status = tenant ? enterpriseStatusOf(tenant.record) : null;
  return [
    ...registry.map((s) => s.contribution),
    ...warnings.data.flatMap((item) => warningContributionOf(item.record) ?? []),
    ...enterpriseContributions([{ tenantId, status, place }], registry, notices.data),
  ];
}

const KIND = "stats-reconciliation";

/** The nightly pass of `now`'s day in Beijing (a retry that day resumes it), or the pass `id`. */
export function reconciliationOutline(at: Date | string): PassOutline {
  const id = typeof at === "string" ? at : datedPassId(KIND, at);
  return { id, kind: KIND, segments: DISTRICT_SHARD_SEGMENTS };
}

/**
 * The nightly reconciliation (对账) as a pass over the enterprise index, district × shard
 * segments like every city-wide pass, so it fans out on AWS instead of one invocation reading
 * the city. Each enterprise (its profile from the index) has its partition's tenant, sources,
 * warnings and review notices read — what the fold folds — and recomputed; each page's sums go
 * to S3 under the page's offset and item count (`keepPage`, before the checkpoint), and only the
 * chain of pages that leads to the segment's checkpointed end is added up, so a page read again
 * after a kill, or by a second worker, counts once. When the last segment ends,
 * `compareWithFold` adds the pages up and compares.
 */
export function reconciliationPlan(
  store: Store,
  objects: ReconciliationObjects,
  id: string,
  pageSize = PAGE,
): PassPlan<Contribution[]> {
  return {
    ...reconciliationOutline(id),
    readPage: async (segment, cursor) => {
      const { district, shard } = districtShardOf(segment);
      const page = await store.entities.enterprise.query
        .byDistrict({ district, shard })
        .go({ cursor, limit: pageSize });
      const items: Contribution[][] = [];
      for (let at = 0; at < page.data.length; at += READ_AT_ONCE) {
        const batch = page.data.slice(at, at + READ_AT_ONCE);
        items.push(...(await Promise.all(batch.map((e) => registryOf(store, e.record)))));
      }
      return { items, cursor: page.cursor };
    },
    // Reading is the whole work; what it learnt is kept per page.
    act: async () => false,
    keepPage: ({ segment, offset, items }) =>
      objects.putPartial(id, { segment, offset, count: items.length }, recompute(items.flat())),
  };
}

/** Slices every city has whatever its data: the city, each district and each industry. */
function catalogSlices(): string[] {
  return ["*", ...DISTRICT_CODES.map((d) => `d:${d}`), ...INDUSTRY_IDS.map((i) => `i:${i}`)];
}

/**
 * The finer slices a slice's own counters name: a district's streets (`S:` cells) and its
 * crossings with the industries it counts (`I:`, `EI:`), an industry's crossings with the
 * districts it counts (`D:`, `ED:`), a street's crossings with its industries. The fold moves a
 * record's cells in all its slices in one transaction, so this finds the counters of a street or
 * crossing no registry record names any more, without reading every possible crossing.
 */
function slicesNamedBy(slice: string, counts: Counts): string[] {
  const named = new Set<string>();
  for (const cell of Object.keys(counts)) {
    const [kind = "", key = ""] = cell.split(":");
    if (slice.startsWith("d:") && !slice.includes("|")) {
      if (kind === "S") named.add(`d:${cell.slice(2, cell.lastIndexOf(":"))}`);
      if (kind === "I" || kind === "EI") named.add(`${slice}|i:${key}`);
    } else if (slice.startsWith("i:") && (kind === "D" || kind === "ED")) {
      named.add(`d:${key}|${slice}`);
    }
  }
  return [...named];
}

interface FoldedSlice {
  counts: Counts;
  /** The last fold of any of its shards. */
  updatedAt: string;
}

/** The counter items of `slices`, summed over their shards; absent slices are left out. */
async function foldedSlices(
  store: Store,
  slices: readonly string[],
): Promise<Map<string, FoldedSlice>> {
  const keys = slices.flatMap((slice) =>
    Array.from({ length: STATS_SHARDS }, (_, shard) => ({ slice, shard })),
  );
  const items = await batchRead(
    keys,
    async (batch) => {
      const read = await store.entities.statsSlice.get(batch).go({ consistent: true });
      return { data: read.data, unprocessed: read.unprocessed };
    },
    { complete: true },
  );
  const folded = new Map<string, FoldedSlice>();
  for (const item of items) {
    const known = folded.get(item.slice);
    folded.set(item.slice, {
      counts: sumCounts([known?.counts ?? {}, item.counts]),
      // ISO timestamps order as text.
      updatedAt: known && known.updatedAt > item.updatedAt ? known.updatedAt : item.updatedAt,
    });
  }
  return folded;
}

/**
 * Adds up the pages' sums and compares them with the counter items of every slice they name, of
 * the city and every catalog district and industry, and of every street and crossing those
 * counters name (`slicesNamedBy`). A drifting counter of a slice
 * folded after the pass started is marked: the pass may have read a record before its change and
 * the counter after it (a live city does not stop for the night), so such a drift is a reason
 * to look again, not yet a bug. Writes the report and records the count on the pass, once (a
 * second comparison of the same pass, from two segments ending together, records nothing).
 */
export async function compareWithFold(
  store: Store,
  objects: ReconciliationObjects,
  passId: string,
  now: Date,
): Promise<{ report: DriftReport; recorded: boolean }> {
  const [{ data: pass }, { data: segments }] = await Promise.all([
    store.entities.pass.get({ id: passId }).go({ consistent: true }),
    store.entities.passSegment.query.byPass({ passId }).go({ pages: "all", consistent: true }),
  ]);
  if (!pass) throw new Error(`reconciliation: no pass ${passId}`);
  const expected = new Map<string, Counts>();
  await objects.forEachPartial(
    passId,
    new Map(segments.map((s) => [s.segment, s.seen])),
    (sums) => {
      for (const [slice, counts] of sums) {
        expected.set(slice, sumCounts([expected.get(slice) ?? {}, counts]));
      }
    },
  );
  // Slices the sums name and the catalog's, then, twice, those their counters name (streets
  // and crossings; then the streets' crossings).
  const folded = new Map<string, FoldedSlice>();
  let toRead = [...new Set([...catalogSlices(), ...expected.keys()])];
  for (let round = 0; round < 3 && toRead.length > 0; round++) {
    const read = await foldedSlices(store, toRead);
    for (const slice of toRead) folded.set(slice, read.get(slice) ?? { counts: {}, updatedAt: "" });
    toRead = [...new Set([...read].flatMap(([slice, f]) => slicesNamedBy(slice, f.counts)))].filter(
      (slice) => !folded.has(slice),
    );
  }
  const drift: Drift[] = [];
  for (const [slice, f] of folded) {
    const have = f.counts;
    const want = expected.get(slice) ?? {};
    const moved = f.updatedAt > pass.startedAt;
    for (const counter of new Set([...Object.keys(have), ...Object.keys(want)])) {
      const n = have[counter] ?? 0;
      const r = want[counter] ?? 0;
      if (n !== r) {
        drift.push({
          slice,
          counter,
          folded: n,
          registry: r,
          ...(moved ? { movedDuringPass: true as const } : {}),
        });
      }
    }
  }
  const report: DriftReport = {
    passId,
    checkedAt: now.toISOString(),
    total: drift.length,
    moved: drift.filter((d) => d.movedDuringPass).length,
    drift: drift.slice(0, REPORTED),
  };
  try {
    await store.entities.pass
      .patch({ id: passId })
      .set({ drift: report.total })
      .where(({ drift }, { notExists }) => notExists(drift))
      .go();
  } catch (error) {
    if (isConditionFailure(error)) return { report, recorded: false };
    throw error;
  }
  await objects.putReport(report);
  return { report, recorded: true };
}

/**
 * Runs one segment of a reconciliation, and the comparison once every segment has ended: the
 * segment that ends last compares (read consistently, so of two ending together the later sees
 * both), and so does a redelivery of any segment while no comparison is recorded (one cut off
 * midway). Undefined when this call recorded no comparison.
 */
export async function reconcileSegment(
  store: Store,
  objects: ReconciliationObjects,
  passId: string,
  segment: string,
  clock: () => Date,
): Promise<DriftReport | undefined> {
  await runSegment(store, reconciliationPlan(store, objects, passId), segment, clock);
  const progress = await passProgress(store, passId, { consistent: true });
  if (!progress?.done || progress.drift !== undefined) return undefined;
  const { report, recorded } = await compareWithFold(store, objects, passId, clock());
  if (!recorded) return undefined;
  // Any drift is a bug to look into (or records from before the fold: a backfill).
  metrics.addMetric("StatsDrift", MetricUnit.Count, report.total);
  if (report.total > 0) {
    logger.error("statistics drift", {
      passId,
      total: report.total,
      movedDuringPass: report.moved,
      drift: report.drift.slice(0, 100),
    });
  }
  return report;
}

/** The whole reconciliation in this process (the operators' command and the tests). */
export async function reconcileStats(
  store: Store,
  objects: ReconciliationObjects,
  now = new Date(),
): Promise<Drift[]> {
  const passId = `${KIND}-${now.toISOString()}-${randomUUID()}`;
  await runPass(store, reconciliationPlan(store, objects, passId), () => now);
  return (await compareWithFold(store, objects, passId, now)).report.drift;
}
