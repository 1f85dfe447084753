import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { dynamoFoldStore } from "../../../functions/stats/dynamodb-fold-store.ts";
import { foldChange, foldChanges } from "../../../functions/stats/fold.ts";
import { type SourceChange, STATS_SHARDS } from "../../../functions/stats/fold-model.ts";
import { type Contribution, recompute, sumCounts } from "../../../shared/stats/contribution.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";

// The fold against DynamoDB Local: concurrent folds on the same shards lose no count (each
// counter item is written on its version, in one transaction with the source's folded version),
// and a redelivered record changes nothing.
describe("statistics fold on DynamoDB", () => {
  let store: Store;

  beforeAll(async () => {
    const table = await freshTable("stats-fold");
    store = storeFor(localAws().dynamodb, table.tableName);
  });

  async function slice(name: string) {
    const shards = await Promise.all(
      Array.from({ length: STATS_SHARDS }, (_, shard) =>
        store.entities.statsSlice.get({ slice: name, shard }).go({ consistent: true }),
      ),
    );
    return sumCounts(shards.map((s) => s.data?.counts ?? {}));
  }

  it("counts exactly under concurrency and redelivery", async () => {
    const fold = dynamoFoldStore(store);
    const place = { district: "110105", street: "建外街道", industry: "gas" };
    const changes: SourceChange[] = Array.from({ length: 24 }, (_, i) => ({
      tenantId: `t-${i % 3}`,
      sourceId: `rs-${i}`,
      version: 1,
      contribution: { ...place, level: i % 2 === 0 ? "major" : null, accidentTypes: ["fire"] },
    }));
    // Half folded as one stream batch, half one by one, all at once on the same shards.
    await Promise.all([
      foldChanges(fold, changes.slice(0, 12)),
      ...changes.slice(12).map((c) => foldChange(fold, c)),
    ]);
    // Redelivery of every record, and a grade change of one source.
    await Promise.all(changes.map((c) => foldChange(fold, c)));
    const regraded: Contribution = { ...place, level: "low", accidentTypes: ["fire"] };
    await foldChange(fold, {
      tenantId: "t-1",
      sourceId: "rs-1",
      version: 2,
      contribution: regraded,
    });
    await foldChange(fold, {
      tenantId: "t-1",
      sourceId: "rs-1",
      version: 2,
      contribution: regraded,
    });

    const registry = changes.map((c) => (c.sourceId === "rs-1" ? regraded : c.contribution));
    const expected = recompute(registry.filter((c): c is Contribution => c !== null));
    for (const name of ["*", "d:110105", "d:110105/建外街道", "i:gas", "d:110105|i:gas"]) {
      expect(await slice(name)).toEqual(expected.get(name));
    }
    expect((await slice("*"))["L:major"]).toBe(12);
  });
});
