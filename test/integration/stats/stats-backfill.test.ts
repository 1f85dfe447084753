import { ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it, vi } from "vitest";
import {
  documentClientOf,
  type Store,
  storeFor,
  tableOf,
} from "../../../functions/adapters/dynamodb/store.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { backfillRollups } from "../../../functions/stats/backfill.ts";
import { dynamoFoldStore } from "../../../functions/stats/dynamodb-fold-store.ts";
import { tenantsAtStage } from "../../../functions/stats/enterprise-coverage-reader.ts";
import { foldChanges } from "../../../functions/stats/fold.ts";
import {
  ENTERPRISE_ROLLUP,
  type FoldChange,
  type FoldStore,
} from "../../../functions/stats/fold-model.ts";
import { reconcileStats } from "../../../functions/stats/reconcile.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { contributionOf } from "../../../shared/stats/contribution.ts";
import type { EnterpriseStage } from "../../../shared/stats/enterprise-coverage.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { reconciliationBucket } from "../../support/reconciliation-bucket.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  putEnterpriseTenant,
  riskSourceInput,
  storedRiskSource,
} from "../../support/registry-fixtures.ts";

const ENTERPRISES = 6;
const objects = await reconciliationBucket();
const UNFOLDED = 4;
const LEVELS = ["major", "general", null] as const;
const DUE = "2026-06-01T00:00:00.000Z";
const STAGE_ATTRIBUTES = ["stage", "district", "street", "industry", "shard"].concat([
  "gsi1pk",
  "gsi1sk",
  "gsi2pk",
  "gsi2sk",
]);

/** Enterprise i, its place and its three sources (one ungraded for every third enterprise). */
function enterpriseOf(i: number) {
  const place = {
    district: i % 2 ? "110108" : "110105",
    street: "测试街道",
    industry: "gas",
  } as const;
  const profile = enterpriseFixture(`t-${i}`, place, FIXTURE_USCC[i] as string);
  const sources = [0, 1, 2].map((j) =>
    storedRiskSource(riskSourceInput(place, `源${i}-${j}`), `rs-${i}-${j}`, profile.tenantId, {
      currentLevel: i % 3 === 0 ? (LEVELS[j] ?? null) : (LEVELS[j % 2] ?? null),
      nextReviewAt: DUE,
    }),
  );
  return { place, profile, sources };
}

const sourceChange = (s: RiskSource): FoldChange => ({
  tenantId: s.tenantId,
  sourceId: s.id,
  version: s.version,
  contribution: contributionOf(s),
});

/**
 * A city folded by the fold as it was before enterprise rollups: sources and review notices
 * folded, but no rollup and no enterprise coverage cell on the counters, street cells on the
 * city's and the industry's items; enterprise 4's sources were written before the fold was
 * deployed and never folded at all.
 */
async function legacyCity(
  name: string,
): Promise<{ store: Store; sources: RiskSource[]; staleItems: number }> {
  const table = await freshTable(name);
  const store = storeFor(localAws().dynamodb, table.tableName);
  const sources: RiskSource[] = [];
  const changes: FoldChange[] = [];
  for (let i = 0; i < ENTERPRISES; i++) {
    const e = enterpriseOf(i);
    await putEnterprise(store, e.profile);
    await putEnterpriseTenant(store, e.profile);
    for (const s of e.sources) {
      await store.entities.riskSource.put(riskSourceItem(s)).go();
      sources.push(s);
      if (i !== UNFOLDED) changes.push(sourceChange(s));
    }
    // Enterprise 1's first source is past its review: assessed, not current.
    if (i === 1) {
      const n = { tenantId: e.profile.tenantId, sourceId: `rs-${i}-0`, dueAt: DUE };
      await store.entities.reviewNotice.create({ ...n, passId: "review-due-test" }).go();
      changes.push({ kind: "reviewNotice", ...n });
    }
  }
  await foldChanges(dynamoFoldStore(store), changes);
  const folded = await store.entities.statsContribution.scan.go({ pages: "all" });
  for (const r of folded.data.filter((d) => d.sourceId === ENTERPRISE_ROLLUP)) {
    await store.entities.statsContribution
      .delete({ tenantId: r.tenantId, sourceId: r.sourceId })
      .go();
  }
  const slices = await store.entities.statsSlice.scan.go({ pages: "all" });
  // Before street cells moved to district slices, the city's and the industry's items held the
  // street cells of every district slice on their shard as well.
  const streetCells = new Map<number, Record<string, number>>();
  for (const s of slices.data.filter((d) => /^d:\d+$/.test(d.slice))) {
    const cells = Object.entries(s.counts).filter(([k]) => k.startsWith("S:"));
    streetCells.set(s.shard, { ...streetCells.get(s.shard), ...Object.fromEntries(cells) });
  }
  let staleItems = 0;
  for (const s of slices.data) {
    const stale = s.slice.startsWith("d:") ? {} : (streetCells.get(s.shard) ?? {});
    if (Object.keys(stale).length > 0) staleItems++;
    const counts = Object.fromEntries(
      Object.entries({ ...s.counts, ...stale }).filter(
        ([k]) => !k.startsWith("ED:") && !k.startsWith("EI:"),
      ),
    );
    await store.entities.statsSlice.put({ ...s, counts }).go();
  }
  return { store, sources, staleItems };
}

/** The tenants the directory's stage filter lists in a district, over its shards. */
async function listedAt(store: Store, district: string, stage: EnterpriseStage) {
  const listed: string[] = [];
  for (const shard of [0, 1, 2, 3]) {
    const page = await tenantsAtStage(
      store,
      { index: "district", district, prefix: [] },
      stage,
      shard,
      null,
      100,
    );
    listed.push(...page.tenantIds);
  }
  return listed.sort();
}

/**
 * A fold store whose rollup repairs die once `after` of them have landed, as a killed run's
 * would; it counts the repairs that land (those already in flight at the kill may still).
 */
function dyingAfterRepairs(fold: FoldStore, after: number) {
  const repairs = { landed: 0, inFlight: 0 };
  const store: FoldStore = {
    ...fold,
    commit: async (folded, slices) => {
      const repair = folded.length === 1 && folded[0]?.sourceId === ENTERPRISE_ROLLUP;
      if (!repair) return fold.commit(folded, slices);
      if (repairs.landed >= after) throw new Error("killed");
      repairs.inFlight++;
      try {
        const landed = await fold.commit(folded, slices);
        if (landed) repairs.landed++;
        return landed;
      } finally {
        repairs.inFlight--;
      }
    },
  };
  return { store, repairs };
}

describe("statistics backfill of enterprise rollups", () => {
  it("brings a table folded before rollups existed to zero drift, and a second run does nothing", async () => {
    const { store, staleItems } = await legacyCity("stats-backfill");
    const drift = await reconcileStats(store, objects);
    expect(drift.length).toBeGreaterThan(0);
    expect(drift.some((d) => d.counter === "L:major" && d.registry - d.folded === 2)).toBe(true);
    expect(drift.some((d) => d.counter === "ED:110105:current" && d.folded === 0)).toBe(true);
    expect(drift.some((d) => d.slice === "*" && d.counter.startsWith("S:"))).toBe(true);
    expect(staleItems).toBeGreaterThan(2);
    expect(await listedAt(store, "110105", "current")).toEqual([]);

    // Folded now: enterprise 4's three sources and every tenant record and profile. Rebuilt: the
    // rollups of the five enterprises whose sources were folded before rollups existed.
    expect(await backfillRollups(store)).toEqual({
      folded: 3 + 2 * ENTERPRISES,
      enterprises: ENTERPRISES,
      repaired: ENTERPRISES - 1,
      cleared: staleItems,
    });
    expect(await reconcileStats(store, objects)).toEqual([]);
    // Enterprises 0 and 3 have an ungraded source, 1's is past review, 5 is current.
    expect(await listedAt(store, "110108", "current")).toEqual(["t-5"]);
    expect(await listedAt(store, "110108", "assessed")).toEqual(["t-1", "t-3"]);
    expect(await listedAt(store, "110105", "assessed")).toEqual(["t-0"]);

    expect(await backfillRollups(store)).toEqual({
      folded: 0,
      enterprises: ENTERPRISES,
      repaired: 0,
      cleared: 0,
    });
  });

  it("gives a rollup without the directory's stage keys its keys, counters untouched", async () => {
    const { store } = await legacyCity("stats-backfill-keys");
    await backfillRollups(store);
    const client = documentClientOf(store);
    const raw = await client.send(
      new ScanCommand({
        TableName: tableOf(store),
        FilterExpression: "#e = :e AND tenantId = :t AND sourceId = :s",
        ExpressionAttributeNames: { "#e": "__edb_e__" },
        ExpressionAttributeValues: {
          ":e": "statsContribution",
          ":t": "t-5",
          ":s": ENTERPRISE_ROLLUP,
        },
      }),
    );
    const item = raw.Items?.[0];
    if (!item) throw new Error("t-5 has no rollup");
    await client.send(
      new UpdateCommand({
        TableName: tableOf(store),
        Key: { pk: item.pk, sk: item.sk },
        // As written before the stage index: none of its attributes.
        UpdateExpression: `REMOVE ${STAGE_ATTRIBUTES.map((_, i) => `#a${i}`).join(", ")}`,
        ExpressionAttributeNames: Object.fromEntries(STAGE_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
      }),
    );
    expect(await listedAt(store, "110108", "current")).toEqual([]);
    const slices = await store.entities.statsSlice.scan.go({ pages: "all" });

    expect(await backfillRollups(store)).toEqual({
      folded: 0,
      enterprises: ENTERPRISES,
      repaired: 1,
      cleared: 0,
    });
    expect(await listedAt(store, "110108", "current")).toEqual(["t-5"]);
    const after = await store.entities.statsSlice.scan.go({ pages: "all" });
    expect(after.data.map((s) => s.counts)).toEqual(slices.data.map((s) => s.counts));
    expect(await reconcileStats(store, objects)).toEqual([]);
  });

  it("finishes a run killed halfway when run again: nobody repaired twice, nobody missed", async () => {
    const { store, staleItems } = await legacyCity("stats-backfill-kill");
    const dying = dyingAfterRepairs(dynamoFoldStore(store), 2);
    await expect(backfillRollups(store, dying.store)).rejects.toThrow("killed");
    await vi.waitFor(() => expect(dying.repairs.inFlight).toBe(0));
    expect(dying.repairs.landed).toBeGreaterThanOrEqual(2);
    expect(dying.repairs.landed).toBeLessThan(ENTERPRISES - 1);
    expect((await reconcileStats(store, objects)).length).toBeGreaterThan(0);
    // The records folded before the kill stay folded; the rollups rebuilt then stay rebuilt.
    expect(await backfillRollups(store)).toEqual({
      folded: 0,
      enterprises: ENTERPRISES,
      repaired: ENTERPRISES - 1 - dying.repairs.landed,
      cleared: staleItems,
    });
    expect(await reconcileStats(store, objects)).toEqual([]);
  });

  it("runs beside the live fold: re-grades and new sources folded meanwhile all count", async () => {
    const { store, sources } = await legacyCity("stats-backfill-live");
    const regraded = sources.map((s) => ({
      ...s,
      version: 2,
      currentLevel: s.currentLevel === "major" ? ("general" as const) : ("major" as const),
    }));
    const added = Array.from({ length: ENTERPRISES }, (_, i) => {
      const { place, profile } = enterpriseOf(i);
      return storedRiskSource(riskSourceInput(place, `新源${i}`), `rs-${i}-new`, profile.tenantId, {
        currentLevel: null,
        nextReviewAt: null,
      });
    });
    for (const s of [...regraded, ...added]) {
      await store.entities.riskSource.put(riskSourceItem(s)).go();
    }
    const fold = dynamoFoldStore(store);
    // The stream delivers in small batches while the backfill walks the enterprises.
    const live = async () => {
      const changes = [...regraded, ...added].map(sourceChange);
      for (let i = 0; i < changes.length; i += 3) await foldChanges(fold, changes.slice(i, i + 3));
    };
    await Promise.all([live(), backfillRollups(store)]);
    expect(await reconcileStats(store, objects)).toEqual([]);
    // Every enterprise now has an ungraded new source: assessed, none current.
    expect(await listedAt(store, "110108", "current")).toEqual([]);
    expect(await listedAt(store, "110108", "assessed")).toEqual(["t-1", "t-3", "t-5"]);
  });
});
