import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { runPassMessage, startDatedPass } from "../../../functions/passes/pass-messages.ts";
import type { PassMessage } from "../../../functions/passes/pass-queue.ts";
import { passProgress } from "../../../functions/passes/pass-runner.ts";
import { reviewDuePlan } from "../../../functions/passes/review-due.ts";
import { statisticsReminderPlan } from "../../../functions/passes/statistics-reminder.ts";
import { writeTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { readinessPlan } from "../../../functions/readiness/readiness-warnings.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import type { OutboxEffect } from "../../../shared/outbox/outbox-message.ts";
import type { User } from "../../../shared/tenancy/user.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { putHiddenDanger } from "../../support/hidden-danger-fixtures.ts";
import { localAws } from "../../support/local-aws.ts";
import { queuedSegments } from "../../support/profile-versions.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  putEnterpriseTenant,
  riskSourceInput,
  storedRiskSource,
} from "../../support/registry-fixtures.ts";

// The scheduled passes as they run on AWS: the schedule's orchestrator creates the pass and
// queues one `passes` message per segment; the pass worker runs each (here every message is
// delivered twice, as SQS may). Controllable clock: the instant rides in the messages.
const DAY = 24 * 3600 * 1000;
let store: Store;

beforeAll(async () => {
  const table = await freshTable("pass-fan-out");
  store = storeFor(localAws().dynamodb, table.tableName);
});

/** Every message delivered twice, one after another. */
async function deliverTwice(messages: readonly PassMessage[], now: Date): Promise<void> {
  for (const message of [...messages, ...messages]) await runPassMessage(store, message, () => now);
}

async function outboxEffects(tenantId: string): Promise<OutboxEffect[]> {
  const { data } = await store.entities.outboxMessage.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.map((m) => m.record.effect);
}

/** The product events in a tenant's outbox of one type, as their envelopes. */
async function eventsOf(tenantId: string, type: string) {
  return (await outboxEffects(tenantId))
    .flatMap((e) => (e.channel === "topic" && e.topic === "events" ? [e.message] : []))
    .map((m) => JSON.parse(m) as { id: string; type: string; data: Record<string, unknown> })
    .filter((e) => e.type === type);
}

async function mailsOf(tenantId: string) {
  return (await outboxEffects(tenantId)).flatMap((e) => (e.channel === "mail" ? [e.mail] : []));
}

describe("the review-due pass fanned out", () => {
  const NOW = new Date("2026-12-04T22:00:00Z"); // 06:00 Beijing, the schedule's time

  it("queues a message per segment and announces every due source once", async () => {
    const due: string[] = [];
    for (let i = 0; i < 6; i++) {
      const district = i % 2 === 0 ? "110105" : "110108";
      const input = riskSourceInput({ district, street: "测试街道", industry: "gas" }, `源${i}`);
      const nextReviewAt = new Date(NOW.getTime() + (i < 3 ? -(i + 1) : 10) * DAY).toISOString();
      const record = storedRiskSource(input, `rs-fan-${i}`, "t-fan", {
        currentLevel: "significant",
        nextReviewAt,
      });
      if (i < 3) due.push(`review.overdue~t-fan~${record.id}~${nextReviewAt}`);
      await writeTogether(store, [
        { action: (tx) => tx.riskSource.put(riskSourceItem(record)).commit() },
      ]);
    }
    const plan = reviewDuePlan(store, NOW);
    expect(await startDatedPass(store, plan, "review-due-segment", NOW)).toBe(true);
    // The schedule retried later that day: the pass exists, nothing more is queued.
    const retry = new Date(NOW.getTime() + 3600_000);
    expect(
      await startDatedPass(store, reviewDuePlan(store, retry), "review-due-segment", retry),
    ).toBe(false);
    const queued = await queuedSegments(store, plan.id);
    expect(queued).toHaveLength(plan.segments.length);
    expect(new Set(queued.map((m) => ("at" in m ? m.at : "")))).toEqual(
      new Set([NOW.toISOString()]),
    );
    expect(await passProgress(store, plan.id)).toMatchObject({ segmentsDone: 0, done: false });

    await deliverTwice(queued, retry);
    const ids = (await eventsOf("t-fan", "review.overdue")).map((e) => e.id).sort();
    expect(ids).toEqual(due.sort());
    expect(await passProgress(store, plan.id)).toMatchObject({
      segments: plan.segments.length,
      segmentsDone: plan.segments.length,
      done: true,
      acted: 3,
    });
  });
});

describe("the readiness check fanned out", () => {
  const NOW = new Date("2026-12-05T22:00:00Z");

  it("raises the plan and drill warnings of a major source without either, once each", async () => {
    const place = { district: "110105", street: "测试街道", industry: "gas" } as const;
    const major = storedRiskSource(riskSourceInput(place, "储罐区"), "rs-ready-1", "t-ready", {
      currentLevel: "major",
      nextReviewAt: null,
    });
    await writeTogether(store, [
      { action: (tx) => tx.riskSource.put(riskSourceItem(major)).commit() },
    ]);
    const plan = readinessPlan(store, NOW);
    expect(await startDatedPass(store, plan, "readiness-segment", NOW)).toBe(true);
    const queued = await queuedSegments(store, plan.id);
    expect(queued).toHaveLength(plan.segments.length);
    await deliverTwice(queued, NOW);
    const { data } = await store.entities.warning.query
      .byTenant({ tenantId: "t-ready" })
      .go({ pages: "all" });
    expect(data.map((w) => w.record.rule).sort()).toEqual(["drill-overdue", "plan-missing"]);
    expect(await passProgress(store, plan.id)).toMatchObject({ done: true, seen: 1, acted: 1 });
  });
});

describe("the quarterly hidden-danger statistics reminder", () => {
  // 1 January 09:00 Beijing: the fourth quarter (due 15 January) and the year (due 31 January).
  const AT = new Date("2027-01-01T01:00:00Z");
  const place = { district: "110105", street: "酒仙桥街道", industry: "gas" } as const;

  async function putUser(tenantId: string, userId: string, role: User["role"], email: string) {
    const at = "2026-01-05T08:00:00.000Z";
    const record: User = {
      ...{ tenantId, userId, email, name: "管理员", role, jurisdiction: "", status: "active" },
      ...{ version: 1, createdAt: at, updatedAt: at },
    };
    await store.entities.user.put({ tenantId, userId, version: 1, record }).go();
  }

  it("tells every active enterprise once per period, by mail to its administrators and as an event", async () => {
    const withAdmins = enterpriseFixture("t-rem-a", place, FIXTURE_USCC[0] ?? "");
    const withoutAdmins = enterpriseFixture("t-rem-b", place, FIXTURE_USCC[1] ?? "");
    const pending = enterpriseFixture("t-rem-c", { ...place, district: "110108" }, "x");
    for (const e of [withAdmins, withoutAdmins, pending]) await putEnterprise(store, e);
    await putEnterpriseTenant(store, withAdmins);
    await putEnterpriseTenant(store, withoutAdmins);
    await putEnterpriseTenant(store, pending, "pending");
    await putUser("t-rem-a", "u-rem-admin", "enterpriseAdmin", "admin@rem-a.example");
    await putUser("t-rem-a", "u-rem-staff", "enterpriseStaff", "staff@rem-a.example");
    // Two dangers in the fourth quarter (one major), one in the third: the year counts three.
    const input = riskSourceInput(place, "加油区");
    const source = storedRiskSource(input, "rs-rem", "t-rem-a", {
      currentLevel: "general",
      nextReviewAt: null,
    });
    await putHiddenDanger(store, source, "reported", { createdAt: "2026-11-10T02:00:00.000Z" });
    await putHiddenDanger(store, source, "rectified", {
      createdAt: "2026-12-01T02:00:00.000Z",
      level: "major",
    });
    await putHiddenDanger(store, source, "reported", { createdAt: "2026-08-10T02:00:00.000Z" });

    const plan = statisticsReminderPlan(store, AT);
    expect(await startDatedPass(store, plan, "statistics-reminder-segment", AT)).toBe(true);
    await deliverTwice(await queuedSegments(store, plan.id), AT);
    // The next day's run (a retried schedule) reminds nobody again within the periods.
    const nextDay = new Date(AT.getTime() + DAY);
    const again = statisticsReminderPlan(store, nextDay);
    expect(again.id).not.toBe(plan.id);
    await startDatedPass(store, again, "statistics-reminder-segment", nextDay);
    await deliverTwice(await queuedSegments(store, again.id), nextDay);

    const events = await eventsOf("t-rem-a", "hidden-danger.statistics-due");
    expect(events.map((e) => e.data.period).sort()).toEqual(["2026", "2026-Q4"]);
    const quarter = events.find((e) => e.data.period === "2026-Q4")?.data;
    expect(quarter).toMatchObject({
      enterpriseName: withAdmins.name,
      total: 2,
      byLevel: { general: 1, major: 1 },
      rectified: 1,
      reportDueAt: "2027-01-15T15:59:59.999Z",
    });
    expect(events.find((e) => e.data.period === "2026")?.data).toMatchObject({ total: 3 });

    const mails = await mailsOf("t-rem-a");
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(mail.to).toEqual(["admin@rem-a.example"]);
    const quarterMail = mails.find((m) => m.subject.includes("2026-Q4"));
    expect(quarterMail?.text).toContain("请于 2027-01-15 前上报 2026-Q4 隐患排查治理统计");
    expect(quarterMail?.text).toContain("本期排查隐患 2 项（重大 1 项）");

    // No administrator to mail: the event still goes to its webhooks.
    expect((await eventsOf("t-rem-b", "hidden-danger.statistics-due")).length).toBe(2);
    expect(await mailsOf("t-rem-b")).toEqual([]);
    // A sign-up still pending is no one to remind.
    expect(await outboxEffects("t-rem-c")).toEqual([]);
    expect(await passProgress(store, plan.id)).toMatchObject({ done: true, acted: 2 });
    expect(await passProgress(store, again.id)).toMatchObject({ done: true, acted: 0 });
  });

  it("has nothing to remind of between deadlines", async () => {
    const february = new Date("2027-02-10T01:00:00Z");
    const plan = statisticsReminderPlan(store, february);
    await startDatedPass(store, plan, "statistics-reminder-segment", february);
    await deliverTwice(await queuedSegments(store, plan.id), february);
    expect(await passProgress(store, plan.id)).toMatchObject({ done: true, seen: 0, acted: 0 });
  });
});
