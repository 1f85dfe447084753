import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { runPassMessage, startDatedPass } from "../../../functions/passes/pass-messages.ts";
import { passProgress, runPass } from "../../../functions/passes/pass-runner.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { dynamoFoldStore } from "../../../functions/stats/dynamodb-fold-store.ts";
import { foldChanges } from "../../../functions/stats/fold.ts";
import type { FoldChange } from "../../../functions/stats/fold-model.ts";
import {
  compareWithFold,
  reconcileStats,
  reconciliationOutline,
  reconciliationPlan,
} from "../../../functions/stats/reconcile.ts";
import type { ReconciliationObjects } from "../../../functions/stats/reconciliation-objects.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { contributionOf } from "../../../shared/stats/contribution.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { queuedSegments } from "../../support/profile-versions.ts";
import { reconciliationBucket } from "../../support/reconciliation-bucket.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  putEnterpriseTenant,
  riskSourceInput,
  storedRiskSource,
} from "../../support/registry-fixtures.ts";

// The nightly reconciliation as it runs on AWS: the schedule starts a pass over the enterprise
// index, each district × shard segment is a queue message (here delivered twice), and the
// segment that ends last adds the pages' sums up and compares them with the counters.
const NOW = new Date("2026-12-06T18:30:00Z"); // 02:30 Beijing, the schedule's time
const ENTERPRISES = 8;
let store: Store;
let objects: ReconciliationObjects;
const sources: RiskSource[] = [];

const sourceChange = (s: RiskSource): FoldChange => ({
  tenantId: s.tenantId,
  sourceId: s.id,
  version: 1,
  contribution: contributionOf(s),
});

beforeAll(async () => {
  const table = await freshTable("stats-reconcile-pass");
  store = storeFor(localAws().dynamodb, table.tableName);
  objects = await reconciliationBucket();
  const changes: FoldChange[] = [];
  for (let i = 0; i < ENTERPRISES; i++) {
    const place = { district: "110105", street: "测试街道", industry: "gas" } as const;
    const profile = enterpriseFixture(`t-rp-${i}`, place, FIXTURE_USCC[i] as string);
    await putEnterprise(store, profile);
    await putEnterpriseTenant(store, profile);
    changes.push(
      { kind: "tenant", tenantId: profile.tenantId, version: 1, status: "active" },
      { kind: "enterprise", tenantId: profile.tenantId, version: 1, place },
    );
    for (const j of [0, 1]) {
      // The first source alone sits on 老街道: the last test moves it away.
      const at = i === 0 && j === 0 ? { ...place, street: "老街道" } : place;
      const s = storedRiskSource(
        riskSourceInput(at, `源${i}-${j}`),
        `rs-${i}-${j}`,
        profile.tenantId,
        {
          currentLevel: j === 0 ? "major" : "general",
          nextReviewAt: null,
        },
      );
      await store.entities.riskSource.put(riskSourceItem(s)).go();
      sources.push(s);
      changes.push(sourceChange(s));
    }
  }
  await foldChanges(dynamoFoldStore(store), changes);
});

describe("the nightly statistics reconciliation", () => {
  it("fans out one message per segment, compares once all have ended and records no drift", async () => {
    const outline = reconciliationOutline(NOW);
    expect(await startDatedPass(store, outline, "stats-reconciliation-segment", NOW)).toBe(true);
    const messages = await queuedSegments(store, outline.id);
    expect(messages).toHaveLength(outline.segments.length);
    for (const message of [...messages, ...messages]) {
      await runPassMessage(store, message, () => NOW, objects);
    }
    const progress = await passProgress(store, outline.id);
    expect(progress).toMatchObject({ done: true, seen: ENTERPRISES, drift: 0 });
    expect(await objects.report(outline.id)).toEqual({
      passId: outline.id,
      checkedAt: NOW.toISOString(),
      total: 0,
      moved: 0,
      drift: [],
    });
  });

  it("a segment killed after keeping a page and before its checkpoint counts that page once", async () => {
    const passId = "stats-reconciliation-killed";
    const plan = reconciliationPlan(store, objects, passId, 1);
    let kept = 0;
    const killed = {
      ...plan,
      keepPage: async (page: Parameters<NonNullable<typeof plan.keepPage>>[0]) => {
        await plan.keepPage?.(page);
        kept += 1;
        if (kept === 3) throw new Error("killed between the page's sums and its checkpoint");
      },
    };
    await expect(runPass(store, killed, () => NOW)).rejects.toThrow("killed");
    await runPass(store, plan, () => NOW);
    expect(await passProgress(store, passId)).toMatchObject({ done: true, seen: ENTERPRISES });
    expect((await compareWithFold(store, objects, passId, NOW)).report.drift).toEqual([]);
  });

  it("compares a street slice no registry record names any more", async () => {
    // The registry moves the one source of 老街道 to 新街道 and the fold never hears of it: no
    // record names 老街道 any more, but its counters (and its district's street cells) still
    // count the source.
    const moved = sources[0] as RiskSource;
    const record = { ...moved, supervision: { ...moved.supervision, street: "新街道" } };
    await store.entities.riskSource.put(riskSourceItem(record)).go();
    const drift = await reconcileStats(store, objects);
    for (const street of ["d:110105/老街道", "d:110105/老街道|i:gas"]) {
      expect(drift).toContainEqual({ slice: street, counter: "L:major", folded: 1, registry: 0 });
    }
    expect(drift).toContainEqual({
      slice: "d:110105/新街道|i:gas",
      counter: "L:major",
      folded: 0,
      registry: 1,
    });
  });
});
