import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { writeTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { dynamoFoldStore } from "../../../functions/stats/dynamodb-fold-store.ts";
import { foldChange } from "../../../functions/stats/fold.ts";
import { reconcileStats } from "../../../functions/stats/reconcile.ts";
import { contributionOf } from "../../../shared/stats/contribution.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { riskSourceInput, storedRiskSource } from "../../support/registry-fixtures.ts";

// Reconciliation recomputes from the registry: zero drift after folding every source, and the
// exact counter named when one is tampered with.
describe("statistics reconciliation", () => {
  let store: Store;

  beforeAll(async () => {
    const table = await freshTable("stats-reconcile");
    store = storeFor(localAws().dynamodb, table.tableName);
    const fold = dynamoFoldStore(store);
    for (let i = 0; i < 12; i++) {
      const input = riskSourceInput(
        { district: i % 2 ? "110105" : "110108", street: "测试街道", industry: "gas" },
        `源${i}`,
      );
      const record = storedRiskSource(input, `rs-${i}`, `t-${i % 3}`, {
        currentLevel: i % 4 === 0 ? "major" : null,
        nextReviewAt: null,
      });
      await writeTogether(store, [
        { action: (tx) => tx.riskSource.put(riskSourceItem(record)).commit() },
      ]);
      await foldChange(fold, {
        tenantId: record.tenantId,
        sourceId: record.id,
        version: 1,
        contribution: contributionOf(record),
      });
    }
  });

  it("reports zero drift, then the tampered counter", async () => {
    expect(await reconcileStats(store)).toEqual([]);
    const { data } = await store.entities.statsSlice.scan.go({ pages: "all" });
    const city = data.find((s) => s.slice === "*" && (s.counts["L:major"] ?? 0) > 0);
    if (!city) throw new Error("no city shard with a major source");
    await writeTogether(store, [
      {
        action: (tx) =>
          tx.statsSlice
            .put({
              ...city,
              counts: { ...city.counts, "L:major": (city.counts["L:major"] ?? 0) + 1 },
            })
            .commit(),
      },
    ]);
    expect(await reconcileStats(store)).toEqual([
      { slice: "*", counter: "L:major", folded: 4, registry: 3 },
    ]);
  });
});
