import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { passProgress } from "../../../functions/passes/pass-runner.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import { LEC_DEFAULT } from "../../../shared/methodology/profiles/lec-default.ts";
import type { ReviewQueueItem } from "../../../shared/risk/assessment.ts";
import type { RiskSource, RiskSourceView } from "../../../shared/risk/risk-source.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { waitFor } from "../../support/wait-for.ts";

// The registry through the local gateway against DynamoDB Local: register, assess, list by
// jurisdiction, review, optimistic locking, idempotent retries, refusals that leak nothing.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;

describe("registry API", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let gasAdmin: ApiCaller;
  let mallAdmin: ApiCaller;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let gasOfficial: ApiCaller;
  let source: RiskSource;

  beforeAll(async () => {
    running = await startTestStack("registry");
    stack = running.stack;
    store = stackStore(stack);
    await putEnterprise(
      store,
      enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
    );
    await putEnterprise(
      store,
      enterpriseFixture("t-mall-haidian", MALL, FIXTURE_USCC[1] as string),
    );
    [gasAdmin, mallAdmin, chaoyang, haidian, gasOfficial] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "official@gas.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function ownSourceCount(tenantId: string): Promise<number> {
    const { data } = await store.entities.riskSource.query
      .byTenant({ tenantId })
      .go({ pages: "all" });
    return data.length;
  }

  it("registers a source, and a retry with the same Idempotency-Key returns the first answer", async () => {
    const headers = { "idempotency-key": "register-fuel-0001" };
    const first = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
      headers,
    });
    expect(first.status).toBe(201);
    expect(first.headers.get("etag")).toBe('"1"');
    source = first.body as RiskSource;
    expect(source).toMatchObject({
      tenantId: "t-gas-station-chaoyang",
      currentLevel: null,
      nextReviewAt: null,
      version: 1,
    });
    expect(source.id.startsWith("t-gas-station-chaoyang~")).toBe(true);

    const retry = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
      headers,
    });
    expect(retry.status).toBe(201);
    expect((retry.body as RiskSource).id).toBe(source.id);
    expect(await ownSourceCount("t-gas-station-chaoyang")).toBe(1);

    const reused = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "另一个风险源"),
      headers,
    });
    expect(reused.status).toBe(400);
    expect(await ownSourceCount("t-gas-station-chaoyang")).toBe(1);
  });

  it("refuses unknown fields and out-of-range values with field-level problems, writing nothing", async () => {
    const res = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: { ...riskSourceInput(GAS), level: "low" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: expect.any(String) })],
    });
    expect(await ownSourceCount("t-gas-station-chaoyang")).toBe(1);
  });

  it("needs If-Match to change a source and refuses a stale one", async () => {
    const path = `/api/v1/risk-sources/${encodeURIComponent(source.id)}`;
    const body = { description: "汽油、柴油加注与卸油作业" };
    expect((await gasAdmin.call("PATCH", path, { body })).status).toBe(428);
    expect(
      (await gasAdmin.call("PATCH", path, { body, headers: { "if-match": '"7"' } })).status,
    ).toBe(412);
    const ok = await gasAdmin.call("PATCH", path, { body, headers: { "if-match": '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"2"');
    expect(ok.body).toMatchObject({ description: body.description, version: 2 });
    expect(
      (await gasAdmin.call("PATCH", path, { body, headers: { "if-match": '"1"' } })).status,
    ).toBe(412);
  });

  it("assesses with LEC and gets the worked example's grade (L3 E10 C15 → D 450 → major)", async () => {
    const res = await gasAdmin.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      {
        body: {
          profileId: "lec-default",
          current: { L: 3, E: 10, C: 15 },
          inherent: { L: 6, E: 10, C: 15 },
        },
        headers: { "idempotency-key": "assess-fuel-00001" },
      },
    );
    expect(res.status).toBe(201);
    const created = res.body as {
      id: string;
      grade: { level: string; score: number; explanation: { zh: string } };
      riskSource: RiskSource;
    };
    expect(created.grade).toMatchObject({
      level: "major",
      score: 450,
      profileId: "lec-default",
      profileVersion: 1,
    });
    expect(created.grade.explanation.zh).toContain("450");
    expect(created.riskSource).toMatchObject({
      currentLevel: "major",
      inherentLevel: "major",
      lastAssessment: { id: created.id, status: "submitted" },
    });
    expect(created.riskSource.nextReviewAt).not.toBeNull();

    const bad = await gasAdmin.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      { body: { profileId: "lec-default", current: { L: 4, E: 10, C: 15 } } },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("allowed");
  });

  it("lists by jurisdiction: the district and the industry see it, the other district does not", async () => {
    const ids = async (caller: ApiCaller, query = "") => {
      const res = await caller.call("GET", `/api/v1/risk-sources${query}`);
      expect(res.status).toBe(200);
      return (res.body as { items: RiskSource[] }).items.map((s) => s.id);
    };
    expect(await ids(gasAdmin)).toEqual([source.id]);
    expect(await ids(chaoyang)).toContain(source.id);
    expect(await ids(chaoyang, "?level=major")).toContain(source.id);
    expect(await ids(chaoyang, "?level=low")).not.toContain(source.id);
    expect(await ids(gasOfficial, "?district=110105")).toContain(source.id);
    expect(await ids(haidian)).not.toContain(source.id);
    expect(await ids(mallAdmin)).toEqual([]);
    // One enterprise's sources (the directory's detail page): only narrows the reach.
    expect(await ids(chaoyang, "?enterprise=t-gas-station-chaoyang")).toEqual([source.id]);
    expect(await ids(chaoyang, "?enterprise=t-mall-haidian")).toEqual([]);
    expect(await ids(haidian, "?enterprise=t-gas-station-chaoyang")).toEqual([]);
    expect(await ids(mallAdmin, "?enterprise=t-gas-station-chaoyang")).toEqual([]);
  });

  it("names the enterprise on every listed source and on the detail, read in one batch per page", async () => {
    const name = "测试企业 t-gas-station-chaoyang";
    const list = await chaoyang.call("GET", "/api/v1/risk-sources?district=110105");
    const row = (list.body as { items: RiskSourceView[] }).items.find((s) => s.id === source.id);
    expect(row?.enterpriseName).toBe(name);
    const own = await gasAdmin.call("GET", "/api/v1/risk-sources");
    expect((own.body as { items: RiskSourceView[] }).items[0]?.enterpriseName).toBe(name);
    const detail = await chaoyang.call(
      "GET",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
    );
    expect((detail.body as RiskSourceView).enterpriseName).toBe(name);
  });

  it("answers 404 for a source outside the caller's reach, the same as for no source", async () => {
    const path = `/api/v1/risk-sources/${encodeURIComponent(source.id)}`;
    const missing = `/api/v1/risk-sources/${encodeURIComponent("t-gas-station-chaoyang~01J0000000000000000000000")}`;
    for (const caller of [haidian, mallAdmin]) {
      const outside = await caller.call("GET", path);
      const absent = await caller.call("GET", missing);
      expect(outside.status).toBe(404);
      expect(absent.status).toBe(404);
      expect((outside.body as { title: string }).title).toBe(
        (absent.body as { title: string }).title,
      );
    }
    expect((await chaoyang.call("GET", path)).status).toBe(200);
  });

  it("lets the Chaoyang official accept the assessment from the review queue", async () => {
    const queue = await chaoyang.call("GET", "/api/v1/reviews");
    expect(queue.status).toBe(200);
    const pending = (queue.body as { items: ReviewQueueItem[] }).items;
    const item = pending.find((a) => a.riskSourceId === source.id);
    // Each row names its source and enterprise: the official's browser reads nothing per row.
    expect(item).toMatchObject({
      riskSourceName: source.name,
      enterpriseName: "测试企业 t-gas-station-chaoyang",
    });
    const haidianQueue = await haidian.call("GET", "/api/v1/reviews");
    expect((haidianQueue.body as { items: unknown[] }).items).toEqual([]);

    const reviewPath = `/api/v1/assessments/${encodeURIComponent(item?.id ?? "")}/review`;
    expect(
      (
        await haidian.call("POST", reviewPath, {
          body: { decision: "accept" },
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await chaoyang.call("POST", reviewPath, {
          body: { decision: "return" },
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(400);
    const accepted = await chaoyang.call("POST", reviewPath, {
      body: { decision: "accept", comment: "同意" },
      headers: { "if-match": '"1"' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: "accepted",
      review: { decision: "accept", by: "u-chaoyang-official" },
    });

    const after = await chaoyang.call("GET", "/api/v1/reviews");
    expect(
      (after.body as { items: { riskSourceId: string }[] }).items.map((a) => a.riskSourceId),
    ).not.toContain(source.id);
    const detail = await gasAdmin.call(
      "GET",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
    );
    expect(detail.body).toMatchObject({ lastAssessment: { status: "accepted" } });
    const history = await gasAdmin.call(
      "GET",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
    );
    expect((history.body as { items: { status: string }[] }).items.map((a) => a.status)).toEqual([
      "accepted",
    ]);
  });

  it("keeps an audit trail of every change and of officials' reads", async () => {
    const { data } = await store.entities.auditRecord.query
      .byTenant({ tenantId: "t-gas-station-chaoyang" })
      .go({ pages: "all" });
    const actions = data.map((d) => d.record.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "riskSource.create",
        "riskSource.update",
        "assessment.submit",
        "assessment.accept",
        "riskSource.read",
      ]),
    );
    expect(actions.filter((a) => a === "riskSource.create")).toHaveLength(1);
    const read = data.find((d) => d.record.action === "riskSource.read");
    expect(read?.record.actor.tenantId).not.toBe("t-gas-station-chaoyang");
  });

  it("masks personal phone numbers for roles that do not need them", async () => {
    const path = `/api/v1/risk-sources/${encodeURIComponent(source.id)}`;
    const own = await gasAdmin.call("GET", path);
    expect(own.body).toMatchObject({ responsiblePerson: { phone: "13700137000" } });
    const city = await signIn(stack, "admin@city.demo");
    const masked = await city.call("GET", path);
    expect(masked.body).toMatchObject({ responsiblePerson: { phone: "137****7000" } });
  });

  it("publishes profile versions immutably, pins versions, and honours industry restrictions", async () => {
    const city = await signIn(stack, "admin@city.demo");
    const v2 = {
      ...LEC_DEFAULT,
      version: 2,
      reviewCadenceDays: { ...LEC_DEFAULT.reviewCadenceDays, major: 15 },
    };
    expect((await gasAdmin.call("POST", "/api/v1/method-profiles", { body: v2 })).status).toBe(403);
    expect(
      (await city.call("POST", "/api/v1/method-profiles", { body: { ...v2, version: 3 } })).status,
    ).toBe(400);
    expect((await city.call("POST", "/api/v1/method-profiles", { body: v2 })).status).toBe(201);
    // The publication starts its re-evaluation: outbox → `passes` topic and queue → pass worker,
    // which fans out its segments and runs them to the end.
    const passId = "reevaluation-lec-default-v2-published";
    await waitFor(async () => (await passProgress(store, passId))?.done, {
      timeoutMs: 60_000,
      description: `the pass ${passId} to start and finish`,
    });
    expect((await city.call("POST", "/api/v1/method-profiles", { body: v2 })).status).toBe(400);
    const versions = await gasAdmin.call("GET", "/api/v1/method-profiles/lec-default/versions");
    expect((versions.body as { items: { version: number }[] }).items.map((p) => p.version)).toEqual(
      [1, 2],
    );

    const assess = (body: object) =>
      gasAdmin.call("POST", `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`, {
        body,
      });
    const pinned = await assess({
      profileId: "lec-default",
      profileVersion: 1,
      current: { L: 1, E: 6, C: 15 },
    });
    expect(pinned.body).toMatchObject({
      grade: { profileVersion: 1, level: "general", score: 90 },
    });
    const latest = await assess({ profileId: "lec-default", current: { L: 3, E: 10, C: 15 } });
    expect(latest.body).toMatchObject({ grade: { profileVersion: 2, level: "major" } });

    const restrict = (caller: ApiCaller, profileIds: string[]) =>
      caller.call("PUT", "/api/v1/industries/gas/method-profiles", { body: { profileIds } });
    expect((await restrict(chaoyang, ["ls-default"])).status).toBe(403);
    expect((await restrict(gasOfficial, ["ls-default"])).status).toBe(200);
    const refused = await assess({ profileId: "lec-default", current: { L: 3, E: 10, C: 15 } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [{ path: "body.profileId", allowed: ["ls-default"] }],
    });
    const listed = await gasAdmin.call("GET", "/api/v1/method-profiles?industry=gas");
    expect((listed.body as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([
      "ls-default",
    ]);
    expect((await restrict(gasOfficial, [])).status).toBe(200);
  });
});
