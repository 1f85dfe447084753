import { ulid } from "ulidx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentItem } from "../../../functions/registry/assessments.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { Assessment, ReviewQueueItem } from "../../../shared/risk/assessment.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// The review queue at city scale through the local gateway against DynamoDB Local: one query of
// one sparse queue per page, newest first, filters and search in the database, the total on the
// first page, batch review with a result per item — and each official sees only its own places.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const MAJOR = { current: { L: 3, E: 10, C: 40 } };
const GENERAL = { current: { L: 1, E: 6, C: 15 } };

type Page = { items: ReviewQueueItem[]; nextCursor: string | null; total?: number };

describe("review queue", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let gasStation: ApiCaller;
  let mall: ApiCaller;
  let chaoyang: ApiCaller;
  let city: ApiCaller;
  const submitted: Record<string, Assessment> = {};

  async function assess(
    who: ApiCaller,
    place: typeof GAS | typeof MALL,
    name: string,
    inputs: object,
  ) {
    const created = await who.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(place, name),
    });
    expect(created.status).toBe(201);
    const source = created.body as RiskSource;
    const res = await who.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      { body: { profileId: "lec-default", ...inputs } },
    );
    expect(res.status).toBe(201);
    const history = await who.call(
      "GET",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
    );
    const [latest] = (history.body as { items: Assessment[] }).items;
    submitted[name] = latest as Assessment;
  }

  const queue = async (who: ApiCaller, query = ""): Promise<Page> => {
    const res = await who.call("GET", `/api/v1/reviews${query}`);
    expect(res.status).toBe(200);
    return res.body as Page;
  };
  const names = (page: Page) => page.items.map((a) => a.riskSourceName);

  beforeAll(async () => {
    running = await startTestStack("review-queue");
    stack = running.stack;
    const store = stackStore(stack);
    await putEnterprise(
      store,
      enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
    );
    await putEnterprise(
      store,
      enterpriseFixture("t-mall-haidian", MALL, FIXTURE_USCC[1] as string),
    );
    [gasStation, mall, chaoyang, city] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "admin@city.demo"),
    ]);
    await assess(gasStation, GAS, "储油罐区", MAJOR);
    await assess(mall, MALL, "商场中庭", GENERAL);
    await assess(gasStation, GAS, "加油区", GENERAL);
    // One submitted ten days ago, as if waiting since: written as submitAssessment would.
    const source = (await gasStation.call("GET", "/api/v1/risk-sources")).body as {
      items: RiskSource[];
    };
    const tank = source.items.find((s) => s.name === "储油罐区") as RiskSource;
    const old = new Date(Date.now() - 10 * 86_400_000);
    const waiting: Assessment = {
      ...(submitted["储油罐区"] as Assessment),
      id: `${tank.id}~${ulid(old.getTime())}`,
      createdAt: old.toISOString(),
      updatedAt: old.toISOString(),
    };
    await store.entities.assessment
      .put(assessmentItem(waiting, { ...tank, name: "配电室" }, "测试企业 t-gas-station-chaoyang"))
      .go();
    submitted["配电室"] = waiting;
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
  });

  it("lists the city's queue newest first with names and a total, oldest first on request", async () => {
    const newest = await queue(city);
    expect(names(newest)).toEqual(["加油区", "商场中庭", "储油罐区", "配电室"]);
    expect(newest.total).toBe(4);
    expect(newest.items[0]?.enterpriseName).toBe("测试企业 t-gas-station-chaoyang");
    const oldest = await queue(city, "?order=oldest");
    expect(names(oldest)).toEqual(["配电室", "储油罐区", "商场中庭", "加油区"]);
  });

  it("counts review-due sources on an official's first page, within its scope and filters", async () => {
    const due = async (who: ApiCaller, query: string) => {
      const res = await who.call("GET", `/api/v1/risk-sources?reviewDueBefore=2100-01-01${query}`);
      expect(res.status).toBe(200);
      return res.body as { items: RiskSource[]; nextCursor: string | null; total?: number };
    };
    const first = await due(city, "&limit=1");
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(3);
    const next = await due(city, `&limit=1&cursor=${first.nextCursor}`);
    expect(next.total).toBeUndefined();
    expect((await due(chaoyang, "")).total).toBe(2);
    expect((await due(city, "&industry=commerce")).total).toBe(1);
    expect((await due(city, "&level=major")).total).toBe(1);
    const none = await city.call("GET", "/api/v1/risk-sources?reviewDueBefore=2000-01-01");
    expect((none.body as { total?: number }).total).toBe(0);
  });

  it("pages one query with a cursor that only resumes its own listing", async () => {
    const first = await queue(city, "?limit=3");
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(4);
    const next = await queue(city, `?limit=3&cursor=${first.nextCursor}`);
    expect(names(next)).toEqual(["配电室"]);
    expect(next.total).toBeUndefined();
    const other = await city.call("GET", `/api/v1/reviews?level=major&cursor=${first.nextCursor}`);
    expect(other.status).toBe(400);
  });

  it("filters by level, overdue, district and industry, and searches names", async () => {
    expect(names(await queue(city, "?level=general"))).toEqual(["加油区", "商场中庭"]);
    expect(names(await queue(city, "?overdue=true"))).toEqual(["配电室"]);
    expect(names(await queue(city, "?district=110108"))).toEqual(["商场中庭"]);
    expect(names(await queue(city, "?industry=gas&level=major"))).toEqual(["储油罐区", "配电室"]);
    expect(names(await queue(city, `?q=${encodeURIComponent("油")}`))).toEqual([
      "加油区",
      "储油罐区",
    ]);
    const byEnterprise = await queue(city, `?q=${encodeURIComponent("t-mall")}`);
    expect(byEnterprise).toEqual({ items: [expect.anything()], nextCursor: null, total: 1 });
  });

  it("shows an official only its jurisdiction, whatever the filters ask", async () => {
    const own = await queue(chaoyang);
    expect(names(own)).toEqual(["加油区", "储油罐区", "配电室"]);
    expect(own.total).toBe(3);
    expect(await queue(chaoyang, "?district=110108")).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
    expect((await queue(chaoyang, "?industry=commerce")).items).toEqual([]);
  });

  it("reviews several in one request, each on its own version, with a result per item", async () => {
    const station = submitted["加油区"] as Assessment;
    const tank = submitted["储油罐区"] as Assessment;
    const atrium = submitted["商场中庭"] as Assessment;
    const res = await chaoyang.call("POST", "/api/v1/reviews/batch", {
      body: {
        items: [
          { id: station.id, version: station.version, decision: "accept" },
          { id: tank.id, version: tank.version + 1, decision: "accept" },
          { id: atrium.id, version: atrium.version, decision: "return", comment: "请补充" },
        ],
      },
    });
    expect(res.status).toBe(200);
    const results = (res.body as { items: { id: string; status: number }[] }).items;
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [station.id, 200],
      [tank.id, 412],
      [atrium.id, 404],
    ]);
    // The accepted one left the queue; the stale and the out-of-reach ones are unchanged.
    expect(names(await queue(city))).toEqual(["商场中庭", "储油罐区", "配电室"]);
    const again = await chaoyang.call("POST", "/api/v1/reviews/batch", {
      body: { items: [{ id: station.id, version: 2, decision: "accept" }] },
    });
    expect((again.body as { items: { status: number }[] }).items[0]?.status).toBe(409);
  });
});
