import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { passProgress, runPass } from "../../../functions/passes/pass-runner.ts";
import { reviewDuePassId, reviewDuePlan } from "../../../functions/passes/review-due.ts";
import { writeTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { riskSourceInput, storedRiskSource } from "../../support/registry-fixtures.ts";

// The daily review-due pass with a controllable clock, against DynamoDB Local: killed midway and
// restarted, it announces every due source exactly once; a later day announces nobody again
// for the same due date, and a new due date once more.
const DAY = 24 * 3600 * 1000;
const NOW = new Date("2026-12-04T01:00:00Z");

function source(i: number, nextReviewAt: string | null): RiskSource {
  const district = i % 2 === 0 ? "110105" : "110108";
  const input = riskSourceInput({ district, street: "测试街道", industry: "gas" }, `源${i}`);
  return storedRiskSource(input, `rs-${String(i).padStart(3, "0")}`, `t-${i % 5}`, {
    currentLevel: nextReviewAt ? "significant" : null,
    nextReviewAt,
  });
}

let store: Store;

/**
 * The plan over the two districts the sources are in: the other 56 segments are empty by
 * construction, and each costs a few round trips to DynamoDB Local per pass for nothing.
 */
function duePlan(now: Date, pageSize?: number) {
  const plan = reviewDuePlan(store, now, pageSize);
  return {
    ...plan,
    segments: plan.segments.filter((s) => s.startsWith("110105:") || s.startsWith("110108:")),
  };
}
describe("review-due pass", () => {
  const due = new Set<string>();

  beforeAll(async () => {
    const table = await freshTable("review-due");
    store = storeFor(localAws().dynamodb, table.tableName);
    for (let i = 0; i < 40; i++) {
      // A third overdue, a third due later, a third ungraded (no review date at all).
      const next =
        i % 3 === 0
          ? new Date(NOW.getTime() - (i + 1) * DAY).toISOString()
          : i % 3 === 1
            ? new Date(NOW.getTime() + 30 * DAY).toISOString()
            : null;
      const record = source(i, next);
      if (i % 3 === 0) due.add(`${record.tenantId}~${record.id}`);
      await writeTogether(store, [
        { action: (tx) => tx.riskSource.put(riskSourceItem(record)).commit() },
      ]);
    }
  });

  async function announced(): Promise<string[]> {
    const ids: string[] = [];
    for (let t = 0; t < 5; t++) {
      const { data } = await store.entities.outboxMessage.query
        .byTenant({ tenantId: `t-${t}` })
        .go({ pages: "all" });
      for (const m of data) {
        const effect = m.record.effect;
        if (effect.channel === "topic" && effect.message.includes('"review.overdue"')) {
          ids.push((JSON.parse(effect.message) as { id: string }).id);
        }
      }
    }
    return ids.sort();
  }

  it("killed midway and restarted, announces every due source once", async () => {
    const plan = duePlan(NOW, 2);
    let acts = 0;
    const killed = {
      ...plan,
      act: async (item: Parameters<typeof plan.act>[0]) => {
        if (++acts === 5) throw new Error("killed");
        return plan.act(item);
      },
    };
    await expect(runPass(store, killed, () => NOW)).rejects.toThrow("killed");
    const halfway = await passProgress(store, plan.id);
    expect(halfway?.done).toBe(false);
    expect((await announced()).length).toBeLessThan(due.size);

    await runPass(store, duePlan(NOW, 2), () => NOW);
    const ids = await announced();
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids.length).toBe(due.size);
    const progress = await passProgress(store, plan.id);
    expect(progress?.done).toBe(true);
    expect(progress?.seen).toBeGreaterThanOrEqual(due.size);
  });

  it("announces a due date once, whatever the day it runs", async () => {
    const tomorrow = new Date(NOW.getTime() + DAY);
    expect(reviewDuePassId(tomorrow)).not.toBe(reviewDuePassId(NOW));
    await runPass(store, duePlan(tomorrow, 7), () => tomorrow);
    expect((await announced()).length).toBe(due.size);
    // The source due 30 days on comes due, once.
    const later = new Date(NOW.getTime() + 31 * DAY);
    await runPass(store, duePlan(later), () => later);
    const ids = await announced();
    expect(ids.length).toBe(due.size + 13);
    expect(ids).toEqual([...new Set(ids)]);
  });

  it("raises one review-overdue warning per overdue source, with its warning.raised event", async () => {
    // Every source due by now (the first third, then the second a month on) has exactly one
    // live warning, raised in the pass's own units of work; the repeated days raised none again.
    for (let i = 0; i < 40; i++) {
      if (i % 3 === 2) continue;
      const record = source(i, null);
      const { data } = await store.entities.liveWarning
        .get({ tenantId: record.tenantId, riskSourceId: record.id, rule: "review-overdue" })
        .go();
      expect(data, `source ${i}`).toBeTruthy();
    }
    const raised: string[] = [];
    for (let t = 0; t < 5; t++) {
      const { data } = await store.entities.outboxMessage.query
        .byTenant({ tenantId: `t-${t}` })
        .go({ pages: "all" });
      for (const m of data) {
        const effect = m.record.effect;
        if (effect.channel === "topic" && effect.message.includes('"warning.raised"')) {
          const envelope = JSON.parse(effect.message) as {
            data: { rule: string; riskSourceId: string };
          };
          if (envelope.data.rule === "review-overdue") raised.push(envelope.data.riskSourceId);
        }
      }
    }
    expect(raised.length).toBe(due.size + 13);
    expect(raised).toEqual([...new Set(raised)]);
  });
});
