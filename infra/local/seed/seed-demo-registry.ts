import { type DynamoDBClient, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { buildBulkRegistry } from "./bulk-registry.ts";
import { buildDemoEnterpriseSources } from "./demo-enterprises.ts";
import type { EnterpriseItems } from "./enterprise-records.ts";
import type { AssessmentItem, RiskSourceItem } from "./graded-source.ts";
import { mulberry32 } from "./prng.ts";
import { putInBatches } from "./write-items.ts";

/** The demo's fixed "today": every date of the seed is relative to it, so runs are identical. */
export const DEMO_BASE_DATE = new Date("2026-11-01T00:00:00.000Z");
export const DEMO_SEED = 20_261_101;
/** issue 4 §9: about 2,000 enterprises with 10,000 risk sources. */
export const DEMO_ENTERPRISE_COUNT = 2_000;

/**
 * Marks a finished seed. Not an entity of the model: a plain item outside every tenant's
 * partition, so no query of the product ever meets it.
 */
const MARKER_KEY = { pk: { S: "SEED#demo-registry" }, sk: { S: "SEED" } };
const MARKER_VERSION = "1";

type GradedItems = { sourceItem: RiskSourceItem; assessmentItem: AssessmentItem };

export interface SeedDemoRegistryOptions {
  store: Store;
  /** The client and table of `store`, for the seed marker. */
  client: DynamoDBClient;
  table: string;
  /** Bulk enterprises besides the demo users' own (default 2,000; tests use a few dozen). */
  enterprises?: number;
  seed?: number;
  base?: Date;
  /** BatchWriteItem calls in flight. */
  concurrency?: number;
  /** Stops between batches (the stack is stopping); the marker is then not written. */
  signal?: AbortSignal;
}

export interface SeedCounts {
  enterprises: number;
  riskSources: number;
  assessments: number;
  byLevel: Record<string, number>;
  accepted: number;
}

export type SeedOutcome = { seeded: true; counts: SeedCounts; ms: number } | { seeded: false };

/**
 * Seeds the Beijing demo registry once (issue 4 §9): the gas station's and the mall's graded
 * sources and the bulk enterprises with theirs, written straight through the entity model with
 * BatchWriteItem (the items are those the API would write; see graded-source.ts). A marker item
 * written last makes later runs no-ops; a run cut short before it is redone, idempotently.
 * Run after the demo tenants' seed, which owns the demo users' tenants and profiles.
 */
export async function seedDemoRegistry(options: SeedDemoRegistryOptions): Promise<SeedOutcome> {
  const { store, client, table } = options;
  const marker = await client.send(
    new GetItemCommand({ TableName: table, Key: MARKER_KEY, ConsistentRead: true }),
  );
  if (marker.Item) return { seeded: false };
  const started = performance.now();
  const seed = options.seed ?? DEMO_SEED;
  const base = options.base ?? DEMO_BASE_DATE;
  const concurrency = options.concurrency ?? 4;
  const { signal } = options;

  const demo = await buildDemoEnterpriseSources(store, mulberry32(seed ^ 0x5eed), base);
  const { tenant, enterprise, uniqueClaim, riskSource, assessment } = store.entities;
  // The demo users' enterprises first, so they are complete within seconds of the start.
  await writeRegistry(demo.standIns, demo.sources);
  const bulk = buildBulkRegistry(
    mulberry32(seed),
    options.enterprises ?? DEMO_ENTERPRISE_COUNT,
    base,
  );
  await writeRegistry(bulk.enterprises, bulk.sources);
  const enterprises: EnterpriseItems[] = [...demo.standIns, ...bulk.enterprises];
  const sources = [...demo.sources, ...bulk.sources];

  async function writeRegistry(
    enterprises: readonly EnterpriseItems[],
    sources: readonly GradedItems[],
  ): Promise<void> {
    await Promise.all([
      putInBatches(
        (b) => tenant.put(b).go(),
        enterprises.map((e) => e.tenant),
        concurrency,
        signal,
      ),
      putInBatches(
        (b) => enterprise.put(b).go(),
        enterprises.map((e) => e.enterprise),
        concurrency,
        signal,
      ),
      putInBatches(
        (b) => uniqueClaim.put(b).go(),
        enterprises.map((e) => e.claim),
        concurrency,
        signal,
      ),
    ]);
    await Promise.all([
      putInBatches(
        (b) => riskSource.put(b).go(),
        sources.map((s) => s.sourceItem),
        concurrency,
        signal,
      ),
      putInBatches(
        (b) => assessment.put(b).go(),
        sources.map((s) => s.assessmentItem),
        concurrency,
        signal,
      ),
    ]);
  }

  const byLevel: Record<string, number> = { major: 0, significant: 0, general: 0, low: 0 };
  let accepted = 0;
  for (const { sourceItem } of sources) {
    byLevel[sourceItem.levelKey] = (byLevel[sourceItem.levelKey] ?? 0) + 1;
    if (sourceItem.record.lastAssessment?.status === "accepted") accepted++;
  }
  const counts: SeedCounts = {
    enterprises: enterprises.length,
    riskSources: sources.length,
    assessments: sources.length,
    byLevel,
    accepted,
  };
  await client.send(
    new PutItemCommand({
      TableName: table,
      Item: {
        ...MARKER_KEY,
        version: { S: MARKER_VERSION },
        seed: { N: String(seed) },
        counts: { S: JSON.stringify(counts) },
      },
    }),
  );
  return { seeded: true, counts, ms: performance.now() - started };
}

/** The line `npm start` prints. */
export function describeSeed(outcome: SeedOutcome): string {
  if (!outcome.seeded) return "demo data already seeded";
  const { counts, ms } = outcome;
  const levels = ["major", "significant", "general", "low"]
    .map((l) => `${l} ${counts.byLevel[l] ?? 0}`)
    .join(", ");
  return `seeded ${counts.enterprises} enterprises, ${counts.riskSources} risk sources (${levels}; ${counts.accepted} accepted) in ${(ms / 1000).toFixed(1)} s`;
}
