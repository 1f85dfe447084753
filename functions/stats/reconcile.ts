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
  slicesOf,
  sumCounts,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import { enterpriseContributions } from "../../shared/stats/enterprise-recompute.ts";
import { batchRead } from "../adapters/dynamodb/batch-read.ts";
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
import type { DriftReport, ReconciliationObjects } from "./reconciliation-objects.ts";

/** A counter whose folded value differs from the registry's. */
export interface Drift {
  slice: string;
  counter: string;
  folded: number;
  registry: number;
}

/** Enterprises of the index a page reads; their partitions are read a few at a time. */
const PAGE = 100;
const READ_AT_ONCE = 8;
/** Drifting counters a report lists (the total is always given). */
const REPORTED = 1000;

/**
 * One enterprise as the registry has it, read from its own partition: what its sources, live
 * warnings and coverage stage contribute, and the slices the fold's ledger says it folded them
 * into (so a slice the registry no longer names but the fold still counts is compared too).
 */
interface EnterpriseRegistry {
  contributions: Contribution[];
  foldedSlices: string[];
}

async function registryOf(store: Store, enterprise: Enterprise): Promise<EnterpriseRegistry> {
  const { tenantId } = enterprise;
  const all = { pages: "all" } as const;
  const [tenant, sources, warnings, notices, folded] = await Promise.all([
    loadTenant(store, tenantId),
    store.entities.riskSource.query.byTenant({ tenantId }).go(all),
    store.entities.warning.query.byTenant({ tenantId }).go(all),
    store.entities.reviewNotice.query.byTenant({ tenantId }).go(all),
    store.entities.statsContribution.query.byTenant({ tenantId }).go(all),
  ]);
  const registry = sources.data.map((item) => ({
    tenantId,
    sourceId: item.id,
    contribution: contributionOf(item.record),
  }));
  const place = placeOfEnterprise(enterprise);
  const status = tenant ? enterpriseStatusOf(tenant.record) : null;
  return {
    contributions: [
      ...registry.map((s) => s.contribution),
      ...warnings.data.flatMap((item) => warningContributionOf(item.record) ?? []),
      ...enterpriseContributions([{ tenantId, status, place }], registry, notices.data),
    ],
    foldedSlices: folded.data.flatMap((item) =>
      item.contribution ? slicesOf(item.contribution) : [],
    ),
  };
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
 * the city. Each enterprise's partition is read whole (tenant, profile, sources, warnings, review
 * notices: what the fold folds) and recomputed; each page's sums go to S3 under the page's
 * offset (`keepPage`), so a segment killed and resumed replaces the page it re-reads. When the
 * last segment ends, `compareWithFold` adds the pages up and compares.
 */
export function reconciliationPlan(
  store: Store,
  objects: ReconciliationObjects,
  id: string,
  pageSize = PAGE,
): PassPlan<EnterpriseRegistry> {
  return {
    ...reconciliationOutline(id),
    readPage: async (segment, cursor) => {
      const { district, shard } = districtShardOf(segment);
      const page = await store.entities.enterprise.query
        .byDistrict({ district, shard })
        .go({ cursor, limit: pageSize });
      const items: EnterpriseRegistry[] = [];
      for (let at = 0; at < page.data.length; at += READ_AT_ONCE) {
        const batch = page.data.slice(at, at + READ_AT_ONCE);
        items.push(...(await Promise.all(batch.map((e) => registryOf(store, e.record)))));
      }
      return { items, cursor: page.cursor };
    },
    // Reading is the whole work; what it learnt is kept per page.
    act: async () => false,
    keepPage: ({ segment, offset, items }) => {
      const sums = recompute(items.flatMap((item) => item.contributions));
      for (const slice of items.flatMap((item) => item.foldedSlices)) {
        if (!sums.has(slice)) sums.set(slice, {});
      }
      return objects.putPartial(id, { segment, offset }, sums);
    },
  };
}

/**
 * Slices every city has whatever its data: the city, each district and industry, and their
 * crossings. A drift in one of them is found even where no record names the slice any more;
 * streets are free text, so their slices come from the records (registry and fold ledger).
 */
function catalogSlices(): string[] {
  const districts = DISTRICT_CODES.map((d) => `d:${d}`);
  const industries = INDUSTRY_IDS.map((i) => `i:${i}`);
  return [
    "*",
    ...districts,
    ...industries,
    ...districts.flatMap((d) => industries.map((i) => `${d}|${i}`)),
  ];
}

/**
 * Adds the pages' sums up and compares them with the counter items of every slice they name
 * (and every catalog slice): one batch read of slices × shards. Writes the drift report and
 * records the count on the pass; returns the drift.
 */
export async function compareWithFold(
  store: Store,
  objects: ReconciliationObjects,
  passId: string,
  now: Date,
): Promise<Drift[]> {
  const expected = new Map<string, Counts>();
  await objects.forEachPartial(passId, (sums) => {
    for (const [slice, counts] of sums) {
      expected.set(slice, sumCounts([expected.get(slice) ?? {}, counts]));
    }
  });
  const slices = [...new Set([...catalogSlices(), ...expected.keys()])];
  const keys = slices.flatMap((slice) =>
    Array.from({ length: STATS_SHARDS }, (_, shard) => ({ slice, shard })),
  );
  const items = await batchRead(keys, async (batch) => {
    const read = await store.entities.statsSlice.get(batch).go({ consistent: true });
    return { data: read.data, unprocessed: read.unprocessed };
  });
  const folded = new Map<string, Counts[]>();
  for (const item of items) {
    folded.set(item.slice, [...(folded.get(item.slice) ?? []), item.counts]);
  }
  const drift: Drift[] = [];
  for (const slice of slices) {
    const have = sumCounts(folded.get(slice) ?? []);
    const want = expected.get(slice) ?? {};
    for (const counter of new Set([...Object.keys(have), ...Object.keys(want)])) {
      const f = have[counter] ?? 0;
      const r = want[counter] ?? 0;
      if (f !== r) drift.push({ slice, counter, folded: f, registry: r });
    }
  }
  const report: DriftReport = {
    passId,
    checkedAt: now.toISOString(),
    total: drift.length,
    drift: drift.slice(0, REPORTED),
  };
  await objects.putReport(report);
  await store.entities.pass.patch({ id: passId }).set({ drift: drift.length }).go();
  return drift;
}

/**
 * Runs one segment of a reconciliation, and the comparison once every segment has ended: the
 * segment that ends last compares, and so does a redelivery of any segment while no comparison
 * has been recorded (one cut off midway). Undefined when this call did not compare.
 */
export async function reconcileSegment(
  store: Store,
  objects: ReconciliationObjects,
  passId: string,
  segment: string,
  clock: () => Date,
): Promise<Drift[] | undefined> {
  await runSegment(store, reconciliationPlan(store, objects, passId), segment, clock);
  const progress = await passProgress(store, passId);
  if (!progress?.done || progress.drift !== undefined) return undefined;
  const drift = await compareWithFold(store, objects, passId, clock());
  // Any drift is a bug to look into (or records from before the fold: a backfill).
  metrics.addMetric("StatsDrift", MetricUnit.Count, drift.length);
  if (drift.length > 0) logger.error("statistics drift", { passId, drift: drift.slice(0, 100) });
  return drift;
}

/** The whole reconciliation in this process (the operators' command and the tests). */
export async function reconcileStats(
  store: Store,
  objects: ReconciliationObjects,
  now = new Date(),
): Promise<Drift[]> {
  const passId = `${KIND}-${now.toISOString()}-${randomUUID()}`;
  await runPass(store, reconciliationPlan(store, objects, passId), () => now);
  return compareWithFold(store, objects, passId, now);
}
