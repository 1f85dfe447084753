import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../../events/envelope.ts";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { HiddenDanger } from "../../../shared/hidden-dangers/hidden-danger.ts";
import type { HiddenDangerStats } from "../../../shared/hidden-dangers/statistics.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { Caller } from "../../../shared/tenancy/claims.ts";
import type { Warning } from "../../../shared/warnings/warning.ts";
import { planFor } from "../../support/hidden-danger-fixtures.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// Hidden dangers through the local gateway: the gas station reports a major danger, its source
// turns major by the rule naming the danger, the plan is made, rectified, evaluated, accepted
// by the Chaoyang official and closed, and the assessed grade returns; evidence photos are
// checked by content and size; with a controllable clock, a passed deadline and an acceptance
// left for more than 10 days raise warnings once.
const TENANT = "t-gas-station-chaoyang";
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const GENERAL = { current: { L: 1, E: 6, C: 15 } }; // LEC 90 → general
const enc = encodeURIComponent;
const DAY = 86_400_000;

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const PDF = new TextEncoder().encode("%PDF-1.7 not a photo at all");

describe("hidden dangers", () => {
  let running: TestStack;
  let stack: LocalStack;
  let store: Store;
  let enterprise: ApiCaller;
  let official: ApiCaller;
  let haidian: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("hidden-dangers");
    stack = running.stack;
    store = stackStore(stack);
    await putEnterprise(store, enterpriseFixture(TENANT, GAS, FIXTURE_USCC[0] as string));
    [enterprise, official, haidian] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function gradedSource(name: string): Promise<RiskSource> {
    const res = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, name),
    });
    expect(res.status).toBe(201);
    const source = res.body as RiskSource;
    const assessed = await enterprise.call(
      "POST",
      `/api/v1/risk-sources/${enc(source.id)}/assessments`,
      { body: { profileId: "lec-default", ...GENERAL } },
    );
    expect(assessed.status).toBe(201);
    return source;
  }

  async function sourceOf(id: string): Promise<RiskSource> {
    return (await enterprise.call("GET", `/api/v1/risk-sources/${enc(id)}`)).body as RiskSource;
  }

  async function step(caller: ApiCaller, d: HiddenDanger, path: string, body: unknown = {}) {
    return caller.call("POST", `/api/v1/hidden-dangers/${enc(d.id)}/${path}`, {
      body,
      headers: { "if-match": `"${d.version}"` },
    });
  }

  async function report(source: RiskSource, level: "general" | "major", key?: string) {
    const res = await enterprise.call("POST", "/api/v1/hidden-dangers", {
      body: {
        riskSourceId: source.id,
        level,
        title: "卸油口静电接地失效",
        description: "巡检发现",
      },
      ...(key ? { headers: { "idempotency-key": key } } : {}),
    });
    expect(res.status).toBe(201);
    return res.body as HiddenDanger;
  }

  async function events(type: string): Promise<EventEnvelope[]> {
    const { data } = await store.entities.outboxMessage.query
      .byTenant({ tenantId: TENANT })
      .go({ pages: "all" });
    return data
      .map((m) => m.record.effect)
      .filter((e) => e.channel === "topic")
      .map((e) => JSON.parse((e as { message: string }).message) as EventEnvelope)
      .filter((e) => e.type === type);
  }

  it("a major danger makes its source major by the rule until it is closed, then the assessed grade returns", async () => {
    const source = await gradedSource("卸油区");
    expect((await sourceOf(source.id)).currentLevel).toBe("general");

    const key = `hd-${Date.now()}`;
    let danger = await report(source, "major", key);
    expect(danger).toMatchObject({ status: "reported", level: "major", supervised: true });
    expect((await report(source, "major", key)).id, "Idempotency-Key replays").toBe(danger.id);

    const ruled = await sourceOf(source.id);
    expect(ruled.currentLevel).toBe("major");
    expect(ruled.hiddenDangerRule).toMatchObject({
      ruleId: "open-major-hidden-danger",
      hiddenDangerIds: [danger.id],
      assessedLevel: "general",
    });
    const raised = (await events("risk-level.changed")).filter(
      (e) => (e.data as { riskSourceId: string }).riskSourceId === source.id,
    );
    expect(raised.at(-1)?.data).toMatchObject({
      from: "general",
      to: "major",
      rule: { id: "open-major-hidden-danger", hiddenDangerId: danger.id },
    });
    expect(
      (await events("hidden-danger.reported")).some((e) => e.subject.riskSourceId === source.id),
    ).toBe(true);

    const supervised = await official.call(
      "GET",
      "/api/v1/hidden-dangers?supervised=true&limit=200",
    );
    expect((supervised.body as { items: HiddenDanger[] }).items.map((d) => d.id)).toContain(
      danger.id,
    );
    expect((await haidian.call("GET", `/api/v1/hidden-dangers/${enc(danger.id)}`)).status).toBe(
      404,
    );
    const listed = await haidian.call("GET", "/api/v1/hidden-dangers?limit=200");
    expect((listed.body as { items: HiddenDanger[] }).items.some((d) => d.id === danger.id)).toBe(
      false,
    );

    const planned = await enterprise.call("PUT", `/api/v1/hidden-dangers/${enc(danger.id)}/plan`, {
      body: planFor(new Date()),
    });
    expect(planned.status, "If-Match is required").toBe(428);
    const plan = await enterprise.call("PUT", `/api/v1/hidden-dangers/${enc(danger.id)}/plan`, {
      body: planFor(new Date()),
      headers: { "if-match": `"${danger.version}"` },
    });
    expect(plan.status).toBe(200);
    danger = plan.body as HiddenDanger;
    expect((await step(enterprise, danger, "evaluate", { note: "x" })).status).toBe(409);
    expect((await step(official, danger, "rectify")).status, "officials do not rectify").toBe(403);
    danger = (await step(enterprise, danger, "rectify")).body as HiddenDanger;
    danger = (await step(enterprise, danger, "evaluate", { note: "复测静电接地电阻合格" }))
      .body as HiddenDanger;
    expect(danger.status).toBe("evaluated");
    expect((await step(enterprise, danger, "accept")).status, "a major one is the official's").toBe(
      403,
    );
    const accepted = await step(official, danger, "accept", { note: "现场验收合格" });
    expect(accepted.status).toBe(200);
    danger = accepted.body as HiddenDanger;
    expect((await step(official, { ...danger, version: 1 }, "close")).status).toBe(412);
    danger = (await step(official, danger, "close")).body as HiddenDanger;
    expect(danger).toMatchObject({ status: "closed", supervised: false });
    expect(danger.steps.map((s) => s.action)).toEqual([
      "report",
      "plan",
      "rectify",
      "evaluate",
      "accept",
      "close",
    ]);

    const restored = await sourceOf(source.id);
    expect(restored.currentLevel).toBe("general");
    expect(restored.hiddenDangerRule).toBeUndefined();
    const moves = (await events("risk-level.changed"))
      .filter((e) => (e.data as { riskSourceId: string }).riskSourceId === source.id)
      .map((e) => [(e.data as { from: string }).from, (e.data as { to: string }).to]);
    expect(moves.slice(-2)).toEqual([
      ["general", "major"],
      ["major", "general"],
    ]);
    expect(
      (await events("hidden-danger.closed")).some((e) => e.subject.riskSourceId === source.id),
    ).toBe(true);
    const { data: audits } = await store.entities.auditRecord.query
      .byTenant({ tenantId: TENANT })
      .go({ pages: "all" });
    const actions = audits
      .map((a) => a.record)
      .filter((a) => a.target.id === danger.id)
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "hiddenDanger.report",
        "hiddenDanger.plan",
        "hiddenDanger.rectify",
        "hiddenDanger.evaluate",
        "hiddenDanger.accept",
        "hiddenDanger.close",
      ]),
    );

    const stats = await official.call("GET", "/api/v1/hidden-danger-stats?period=2026");
    expect(stats.status).toBe(200);
    expect((stats.body as HiddenDangerStats).reportDueAt).toBe("2027-01-31T15:59:59.999Z");
  });

  it("checks evidence photos by content and size when the upload completes", async () => {
    const source = await gradedSource("加油机");
    const danger = await report(source, "general");
    const upload = async (declared: { contentType: string; size: number }, bytes: Uint8Array) => {
      const started = await enterprise.call(
        "POST",
        `/api/v1/hidden-dangers/${enc(danger.id)}/evidence`,
        {
          body: { fileName: "photo.png", ...declared },
        },
      );
      expect(started.status).toBe(201);
      const link = started.body as {
        evidence: { id: string };
        uploadUrl: string;
        headers: Record<string, string>;
      };
      const put = await fetch(link.uploadUrl, {
        method: "PUT",
        headers: link.headers,
        body: Buffer.from(bytes),
      });
      expect(put.ok).toBe(true);
      const done = await enterprise.call(
        "POST",
        `/api/v1/hidden-dangers/${enc(danger.id)}/evidence/${link.evidence.id}/complete`,
      );
      return { id: link.evidence.id, done };
    };

    const good = await upload({ contentType: "image/png", size: PNG.length }, PNG);
    expect(good.done.status).toBe(200);
    expect((good.done.body as HiddenDanger).evidence).toMatchObject([
      { id: good.id, status: "verified" },
    ]);
    const view = await official.call(
      "GET",
      `/api/v1/hidden-dangers/${enc(danger.id)}/evidence/${good.id}`,
    );
    expect(view.status).toBe(200);

    const renamed = await upload({ contentType: "image/png", size: PDF.length }, PDF);
    expect(renamed.done.status, "a PDF named .png").toBe(415);
    const larger = await upload({ contentType: "image/png", size: 8 }, PNG);
    expect(larger.done.status, "more bytes than declared").toBe(413);
    const tooBig = await enterprise.call(
      "POST",
      `/api/v1/hidden-dangers/${enc(danger.id)}/evidence`,
      {
        body: { fileName: "big.png", contentType: "image/png", size: 11 * 1024 * 1024 },
      },
    );
    expect(tooBig.status).toBe(400);
    const notImage = await enterprise.call(
      "POST",
      `/api/v1/hidden-dangers/${enc(danger.id)}/evidence`,
      {
        body: { fileName: "a.pdf", contentType: "application/pdf", size: 10 },
      },
    );
    expect(notImage.status).toBe(400);
    const after = (await enterprise.call("GET", `/api/v1/hidden-dangers/${enc(danger.id)}`))
      .body as HiddenDanger;
    expect(
      after.evidence.map((e) => e.id),
      "refused uploads leave nothing",
    ).toEqual([good.id]);
  });

  it("raises an overdue warning once when the deadline passes or acceptance waits over 10 days", async () => {
    const { raiseOverdueDangers } = await import("../../../functions/hidden-dangers/overdue.ts");
    const { planHiddenDanger, stepHiddenDanger } = await import(
      "../../../functions/hidden-dangers/hidden-dangers.ts"
    );
    const caller: Caller = {
      userId: "u-gas-admin",
      tenantId: TENANT,
      role: "enterpriseAdmin",
      jurisdiction: { citywide: false, districts: [], industries: [] },
    };
    const scope = { kind: "tenant", tenantId: TENANT } as const;
    const t0 = new Date();
    const at = (days: number) => new Date(t0.getTime() + days * DAY);
    const overdueWarnings = async (riskSourceId: string) => {
      const res = await official.call(
        "GET",
        `/api/v1/warnings?rule=hidden-danger-overdue&riskSourceId=${enc(riskSourceId)}`,
      );
      return (res.body as { items: Warning[] }).items;
    };

    const lateSource = await gradedSource("储罐区");
    const late = await report(lateSource, "major");
    const plan = { ...planFor(t0), deadline: at(5).toISOString() };
    const planned = await planHiddenDanger(caller, scope, late.id, plan, late.version, t0);
    expect(await raiseOverdueDangers(store, at(4.9))).not.toContain(late.id);
    expect(await raiseOverdueDangers(store, at(5.1))).toContain(late.id);
    expect(await raiseOverdueDangers(store, at(6)), "warned once per due date").not.toContain(
      late.id,
    );
    expect(await overdueWarnings(lateSource.id)).toMatchObject([
      { level: "major", status: "open", detail: { hiddenDangerId: late.id, dueAt: plan.deadline } },
    ]);

    const waitingSource = await gradedSource("营业厅");
    const waiting = await report(waitingSource, "general");
    let d = await planHiddenDanger(caller, scope, waiting.id, planFor(t0), waiting.version, t0);
    d = await stepHiddenDanger(caller, scope, d.id, "rectify", undefined, d.version, at(1));
    d = await stepHiddenDanger(caller, scope, d.id, "evaluate", "整改完成", d.version, at(1));
    expect(d.dueAt).toBe(at(11).toISOString());
    expect(await raiseOverdueDangers(store, at(10.9))).not.toContain(waiting.id);
    expect(await raiseOverdueDangers(store, at(11.1))).toContain(waiting.id);
    expect(await overdueWarnings(waitingSource.id)).toMatchObject([
      { level: "general", detail: { hiddenDangerId: waiting.id } },
    ]);
    expect(
      (await events("hidden-danger.overdue")).map((e) => (e.data as { overdue: string }).overdue),
    ).toEqual(expect.arrayContaining(["rectification", "acceptance"]));
    expect(planned.status).toBe("planned");
  });
});
