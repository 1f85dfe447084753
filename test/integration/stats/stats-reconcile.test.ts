import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { writeTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { dynamoFoldStore } from "../../../functions/stats/dynamodb-fold-store.ts";
import { foldChange, foldChanges } from "../../../functions/stats/fold.ts";
import { reconcileStats } from "../../../functions/stats/reconcile.ts";
import type { ReconciliationObjects } from "../../../functions/stats/reconciliation-objects.ts";
import { warningItem } from "../../../functions/warnings/warning-item.ts";
import { contributionOf, warningContributionOf } from "../../../shared/stats/contribution.ts";
import { DEFAULT_RULE_SET } from "../../../shared/warnings/rules.ts";
import { raiseWarning } from "../../../shared/warnings/warning.ts";
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

// Reconciliation recomputes from the registry: zero drift after folding every source, and the
// exact counter named when one is tampered with.
describe("statistics reconciliation", () => {
  let store: Store;
  let objects: ReconciliationObjects;

  beforeAll(async () => {
    const table = await freshTable("stats-reconcile");
    store = storeFor(localAws().dynamodb, table.tableName);
    objects = await reconciliationBucket();
    const fold = dynamoFoldStore(store);
    // Three enterprises (profiles without a tenant record yet: census pre-registrations) …
    for (let t = 0; t < 3; t++) {
      const place = { district: "110105", street: "测试街道", industry: "gas" } as const;
      await putEnterprise(store, enterpriseFixture(`t-${t}`, place, FIXTURE_USCC[t + 1] as string));
      await foldChanges(fold, [{ kind: "enterprise", tenantId: `t-${t}`, version: 1, place }]);
    }
    // … and their twelve sources, folded.
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

  it("counts live warnings: an unfolded one is drift, folded it is none", async () => {
    const place = { district: "110105", street: "测试街道", industry: "gas" } as const;
    const warning = raiseWarning(
      {
        rule: "assessed-major",
        kind: "raise",
        level: "major",
        at: "2026-12-01T00:00:00Z",
        detail: {},
      },
      {
        id: "t-0~W1",
        tenantId: "t-0",
        riskSourceId: "rs-0",
        riskSourceName: "源0",
        enterpriseName: "对账测试企业",
        place,
        rules: DEFAULT_RULE_SET,
        timing: DEFAULT_RULE_SET.escalation,
      },
      new Date("2026-12-01T00:00:00Z"),
    );
    await store.entities.warning.create(warningItem(warning)).go();
    expect(await reconcileStats(store, objects)).toContainEqual({
      slice: "d:110105",
      counter: "WO:major",
      folded: 0,
      registry: 1,
    });
    await foldChange(dynamoFoldStore(store), {
      tenantId: warning.tenantId,
      sourceId: `warning:${warning.id}`,
      version: warning.version,
      contribution: warningContributionOf(warning),
    });
    expect(await reconcileStats(store, objects)).toEqual([]);
  });

  it("counts enterprises by stage: unfolded they are drift, folded none", async () => {
    const place = { district: "110101", street: "东华门街道", industry: "gas" } as const;
    const profile = enterpriseFixture("t-e", place, FIXTURE_USCC[0] as string);
    await putEnterprise(store, profile);
    await putEnterpriseTenant(store, profile);
    const due = "2026-06-01T00:00:00.000Z";
    const record = storedRiskSource(riskSourceInput(place, "储罐"), "rs-e", "t-e", {
      currentLevel: "general",
      nextReviewAt: due,
    });
    await store.entities.riskSource.put(riskSourceItem(record)).go();
    await store.entities.reviewNotice
      .create({ tenantId: "t-e", sourceId: "rs-e", dueAt: due, passId: "review-due-test" })
      .go();
    const drift = await reconcileStats(store, objects);
    // Registered and assessed, not current: its one source is past its review date.
    expect(drift).toContainEqual({
      slice: "d:110101",
      counter: "ED:110101:assessed",
      folded: 0,
      registry: 1,
    });
    expect(drift.some((d) => d.counter === "ED:110101:current")).toBe(false);
    const fold = dynamoFoldStore(store);
    await foldChanges(fold, [
      { kind: "tenant", tenantId: "t-e", version: 1, status: "active" },
      { kind: "enterprise", tenantId: "t-e", version: 1, place },
      { tenantId: "t-e", sourceId: "rs-e", version: 1, contribution: contributionOf(record) },
      { kind: "reviewNotice", tenantId: "t-e", sourceId: "rs-e", dueAt: due },
    ]);
    expect(await reconcileStats(store, objects)).toEqual([]);
  });

  it("reports zero drift, then the tampered counter", async () => {
    expect(await reconcileStats(store, objects)).toEqual([]);
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
    expect(await reconcileStats(store, objects)).toEqual([
      { slice: "*", counter: "L:major", folded: 4, registry: 3 },
    ]);
  });
});
