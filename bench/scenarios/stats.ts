import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { shardOf } from "../../functions/adapters/dynamodb/shard.ts";
import { type Store, storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { mainTable } from "../../functions/platform/storage-definitions.ts";
import { dynamoFoldStore } from "../../functions/stats/dynamodb-fold-store.ts";
import { foldChange, foldChanges } from "../../functions/stats/fold.ts";
import { STATS_SHARDS } from "../../functions/stats/fold-model.ts";
import { readScopeCounts, readTrends } from "../../functions/stats/stats-reader.ts";
import { ensureTable } from "../../infra/local/bootstrap/ensure-table.ts";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local/start-dynamodb-local.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { DEMO_STREETS } from "../../infra/local/seed/demo-places.ts";
import { mulberry32, type Prng } from "../../infra/local/seed/prng.ts";
import { GB6441_1986_IDS } from "../../shared/catalogs/accident-types.ts";
import { DISTRICT_CODES } from "../../shared/catalogs/districts.ts";
import { INDUSTRY_IDS } from "../../shared/catalogs/industries.ts";
import { LEVELS } from "../../shared/methodology/levels.ts";
import {
  balanceOf,
  type Contribution,
  recompute,
  type SourceContribution,
  summaryOf,
} from "../../shared/stats/contribution.ts";
import {
  ENTERPRISE_STAGES,
  type EnterpriseContribution,
} from "../../shared/stats/enterprise-coverage.ts";
import { parseJurisdiction } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { BenchResult } from "../run.ts";

/**
 * `stats` (benchmarks.md): an official's dashboard statistics — summary by district × industry ×
 * level plus coverage and the balance view — read at 1,000 and at 100,000 sources. The counters
 * are what the fold leaves (computed here with `recompute` per counter shard, which the fold's
 * property test proves equal to folding change by change), written to DynamoDB Local; the query
 * is the stats API's own code path. Also measures, with ReturnConsumedCapacity, the read and
 * write units of folding one change, of a summary and of a 30-day trend (bench/cost-model.md).
 */
/**
 * The target compares the first and the last; 10,000 shows where the curve flattens: a
 * district's counter items hold a cell per (industry | accident type | street) × level met, so
 * they grow until the catalog is full (about 10,000 sources here) and not after.
 */
const SIZES = [1_000, 10_000, 100_000] as const;
const QUERIES = 300;
const WARM_UP = 30;

const CITY: Scope = {
  kind: "jurisdiction",
  tenantId: "t-city",
  jurisdiction: parseJurisdiction("*"),
};
const DISTRICT: Scope = {
  kind: "jurisdiction",
  tenantId: "t-district-110105",
  jurisdiction: parseJurisdiction("d:110105"),
};

/** Sums the capacity units DynamoDB reports for every call through the client. */
class CapacityMeter {
  read = 0;
  write = 0;
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { ReturnConsumedCapacity?: string };
        input.ReturnConsumedCapacity ??= "TOTAL";
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
          const units = c as {
            ReadCapacityUnits?: number;
            WriteCapacityUnits?: number;
            CapacityUnits?: number;
          };
          this.read += units.ReadCapacityUnits ?? 0;
          this.write += units.WriteCapacityUnits ?? 0;
          if (units.ReadCapacityUnits === undefined && units.WriteCapacityUnits === undefined) {
            // Reads report only CapacityUnits on some calls.
            this.read += units.CapacityUnits ?? 0;
          }
        }
        return result;
      },
      { step: "initialize", name: "capacityMeter" },
    );
  }
  take(): { read: number; write: number } {
    const out = { read: this.read, write: this.write };
    this.read = 0;
    this.write = 0;
    return out;
  }
}

function contribution(prng: Prng): SourceContribution {
  const district = prng.pick(DISTRICT_CODES);
  const graded = prng.next() < 0.9;
  return {
    district,
    street: prng.pick(DEMO_STREETS[district]),
    industry: prng.pick(INDUSTRY_IDS),
    level: graded ? prng.pick(LEVELS) : null,
    accidentTypes: [...new Set([prng.pick(GB6441_1986_IDS), prng.pick(GB6441_1986_IDS)])].sort(),
  };
}

/** An enterprise at a random place and stage (about five sources each in the seeded city). */
function enterpriseContribution(prng: Prng): EnterpriseContribution {
  const { district, street, industry } = contribution(prng);
  return { kind: "enterprise", district, street, industry, stage: prng.pick(ENTERPRISE_STAGES) };
}

/** The counter items the fold would leave for `n` sources and n/5 enterprises, written with batch puts. */
async function seedCounters(store: Store, n: number): Promise<number> {
  const prng = mulberry32(n);
  const byShard = Array.from({ length: STATS_SHARDS }, () => [] as Contribution[]);
  for (let i = 0; i < n; i++) byShard[shardOf(`src-${i}`, STATS_SHARDS)]?.push(contribution(prng));
  for (let i = 0; i < n / 5; i++) {
    byShard[shardOf(`t-${i}`, STATS_SHARDS)]?.push(enterpriseContribution(prng));
  }
  const items = byShard.flatMap((contributions, shard) =>
    [...recompute(contributions)].map(([slice, counts]) => ({
      slice,
      shard,
      counts,
      version: 1,
      updatedAt: new Date().toISOString(),
    })),
  );
  for (let i = 0; i < items.length; i += 25)
    await store.entities.statsSlice.put(items.slice(i, i + 25)).go();
  return items.length;
}

/** The stats API's summary and coverage answers for one scope (functions/stats/stats-api.handler.ts). */
async function dashboard(store: Store, scope: Scope): Promise<number> {
  const { counts, asOf } = await readScopeCounts(store, scope, new Date());
  const summary = summaryOf(counts, asOf);
  balanceOf(summary.coverage.byDistrict);
  balanceOf(summary.coverage.byIndustry);
  return summary.byLevel.major;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function timeQueries(store: Store, scope: Scope): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARM_UP; i++) await dashboard(store, scope);
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const start = performance.now();
    await dashboard(store, scope);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Counter cells a slice's shards hold together (what a query of that slice reads). */
async function cellsOfSlice(store: Store, slice: string): Promise<number> {
  const keys = Array.from({ length: STATS_SHARDS }, (_, shard) => ({ slice, shard }));
  const { data } = await store.entities.statsSlice.get(keys).go();
  return data.reduce((n, item) => n + Object.keys(item.counts).length, 0);
}

export async function stats(): Promise<BenchResult> {
  const ddb = await startDynamoDbLocal({ inMemory: true, startTimeoutMs: 120_000 });
  try {
    const client = new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: ddb.endpoint,
    });
    const meter = new CapacityMeter();
    meter.attach(client);
    const figures: Record<string, string> = {};
    const timings: Record<
      number,
      { city: { p50: number; p99: number }; district: { p50: number; p99: number } }
    > = {};
    let big: Store | undefined;
    for (const n of SIZES) {
      const table = await ensureTable(client, `bench-stats-${n}`, mainTable);
      const store = storeFor(client, table.tableName);
      const items = await seedCounters(store, n);
      meter.take();
      const city = await timeQueries(store, CITY);
      const district = await timeQueries(store, DISTRICT);
      const units = meter.take();
      timings[n] = { city, district };
      const districtCells = await cellsOfSlice(store, "d:110105");
      figures[`${n.toLocaleString("en")} sources`] =
        `${items} counter items (Chaoyang's ${districtCells} cells); city p50 ${fmt(city.p50)} ms p99 ${fmt(city.p99)} ms; district p50 ${fmt(district.p50)} ms p99 ${fmt(district.p99)} ms; ${fmt(units.read / (2 * (QUERIES + WARM_UP)), 2)} RCU per query`;
      console.log(`stats: ${n} sources — ${figures[`${n.toLocaleString("en")} sources`]}`);
      big = store;
    }
    const small = timings[SIZES[0]];
    const middle = timings[SIZES[1]];
    const large = timings[SIZES[2]];
    if (!small || !middle || !large || !big) throw new Error("a size was not measured");
    const ratio = Math.max(
      large.city.p50 / small.city.p50,
      large.district.p50 / small.district.p50,
    );

    // Units per fold (cost model): 200 new sources of 40 active enterprises, then the same 200
    // re-graded; each change also moves its enterprise's rollup, and its stage when it changes.
    const fold = dynamoFoldStore(big);
    const prng = mulberry32(7);
    const tenantOf = (i: number) => `t-bench-${i % 40}`;
    for (let i = 0; i < 40; i++) {
      const { district, street, industry } = contribution(prng);
      await foldChanges(fold, [
        { kind: "tenant", tenantId: tenantOf(i), version: 1, status: "active" },
        {
          kind: "enterprise",
          tenantId: tenantOf(i),
          version: 1,
          place: { district, street, industry },
        },
      ]);
    }
    const changes = Array.from({ length: 200 }, (_, i) => ({
      id: `new-${i}`,
      tenantId: tenantOf(i),
      c: contribution(prng),
    }));
    meter.take();
    for (const { id, tenantId, c } of changes) {
      await foldChange(fold, { tenantId, sourceId: id, version: 1, contribution: c });
    }
    const registered = meter.take();
    for (const { id, tenantId, c } of changes) {
      const level = c.level === "major" ? "low" : "major";
      await foldChange(fold, {
        tenantId,
        sourceId: id,
        version: 2,
        contribution: { ...c, level },
      });
    }
    const regraded = meter.take();
    await readTrends(big, CITY, {}, new Date());
    const trend = meter.take();
    figures["fold per new source"] =
      `${fmt(registered.read / 200, 2)} RCU, ${fmt(registered.write / 200, 2)} WCU`;
    figures["fold per grade change"] =
      `${fmt(regraded.read / 200, 2)} RCU, ${fmt(regraded.write / 200, 2)} WCU`;
    figures["30-day city trend"] = `${fmt(trend.read, 2)} RCU`;
    for (const key of ["fold per new source", "fold per grade change", "30-day city trend"]) {
      console.log(`stats: ${key} — ${figures[key]}`);
    }
    figures.ratio = `100k / 1k: city ×${fmt(large.city.p50 / small.city.p50, 2)}, district ×${fmt(large.district.p50 / small.district.p50, 2)}; 100k / 10k: city ×${fmt(large.city.p50 / middle.city.p50, 2)}, district ×${fmt(large.district.p50 / middle.district.p50, 2)}`;
    const verdict = ratio <= 1.5 ? "meets target (≤1.5)" : "MISSES target (≤1.5)";
    return {
      headline: `stats: dashboard query p50 at 100k / at 1k sources, the worse of city and district ×${fmt(ratio, 2)} (city ${fmt(large.city.p50)} vs ${fmt(small.city.p50)} ms, district ${fmt(large.district.p50)} vs ${fmt(small.district.p50)} ms; 100k / 10k district ×${fmt(large.district.p50 / middle.district.p50, 2)}) — ${verdict}`,
      figures,
    };
  } finally {
    await ddb.stop();
  }
}
