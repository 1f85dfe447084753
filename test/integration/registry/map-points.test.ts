import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import type { MapPoints } from "../../../shared/risk/map-points.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
  storedRiskSource,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { waitFor } from "../../support/wait-for.ts";

// The risk e-map's compact points route through the local gateway against DynamoDB Local: one
// district's points within reach, most severe first, cut at the limit and saying so, narrowed
// by level and industry; each caller sees only its own tenant, delegation or jurisdiction.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const MAJOR = { current: { L: 3, E: 10, C: 40 } };
const GENERAL = { current: { L: 1, E: 6, C: 15 } };

describe("map points", () => {
  let running: TestStack | undefined;
  let gasStation: ApiCaller;
  let mall: ApiCaller;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let gasDepartment: ApiCaller;
  let city: ApiCaller;
  let store: ReturnType<typeof stackStore>;

  async function register(
    who: ApiCaller,
    place: typeof GAS | typeof MALL,
    name: string,
    inputs?: object,
  ) {
    const created = await who.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(place, name),
    });
    expect(created.status).toBe(201);
    const source = created.body as RiskSource;
    if (inputs) {
      const res = await who.call(
        "POST",
        `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
        { body: { profileId: "lec-default", ...inputs } },
      );
      expect(res.status).toBe(201);
    }
  }

  const points = async (who: ApiCaller, query: string): Promise<MapPoints> => {
    const res = await who.call("GET", `/api/v1/map-points?${query}`);
    expect(res.status).toBe(200);
    return res.body as MapPoints;
  };
  const names = (answer: MapPoints) => answer.items.map((p) => p.name);

  beforeAll(async () => {
    running = await startTestStack("map-points");
    const { stack } = running;
    store = stackStore(stack);
    await putEnterprise(
      store,
      enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
    );
    await putEnterprise(
      store,
      enterpriseFixture("t-mall-haidian", MALL, FIXTURE_USCC[1] as string),
    );
    [gasStation, mall, chaoyang, haidian, gasDepartment, city] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "official@gas.demo"),
      signIn(stack, "admin@city.demo"),
    ]);
    await register(gasStation, GAS, "加油区", GENERAL);
    await register(gasStation, GAS, "储油罐区", MAJOR);
    await register(gasStation, GAS, "便利店");
    await register(mall, MALL, "商场中庭", GENERAL);
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
  });

  it("answers a district's points most severe first, ungraded last, with coordinates only", async () => {
    const answer = await points(chaoyang, "district=110105");
    expect(names(answer)).toEqual(["储油罐区", "加油区", "便利店"]);
    expect(answer.truncated).toBe(false);
    expect(answer.items.map((p) => p.level)).toEqual(["major", "general", null]);
    const [first] = answer.items;
    expect(Object.keys(first ?? {}).sort()).toEqual(["id", "lat", "level", "lon", "name"]);
    expect(first?.lon).toBeGreaterThan(115);
  });

  it("cuts at the limit, keeping the most severe, and says so", async () => {
    const answer = await points(city, "district=110105&limit=2");
    expect(names(answer)).toEqual(["储油罐区", "加油区"]);
    expect(answer.truncated).toBe(true);
    // Exactly full is not cut: the less severe levels are looked at and hold nothing more.
    const full = await points(city, "district=110105&limit=3");
    expect(full.items).toHaveLength(3);
    expect(full.truncated).toBe(false);
    const major = await points(city, "district=110105&level=major&limit=1");
    expect(major.truncated).toBe(false);
  });

  it("narrows by level and industry", async () => {
    expect(names(await points(chaoyang, "district=110105&level=general"))).toEqual(["加油区"]);
    expect(names(await points(chaoyang, "district=110105&level=none"))).toEqual(["便利店"]);
    expect(names(await points(city, "district=110108&industry=commerce"))).toEqual(["商场中庭"]);
    expect(names(await points(city, "district=110108&industry=gas"))).toEqual([]);
  });

  it("shows each caller only its reach: own tenant, its district, its industry", async () => {
    expect(names(await points(haidian, "district=110105"))).toEqual([]);
    expect(names(await points(haidian, "district=110108"))).toEqual(["商场中庭"]);
    expect(names(await points(gasDepartment, "district=110105"))).toHaveLength(3);
    expect(names(await points(gasDepartment, "district=110108"))).toEqual([]);
    expect(names(await points(mall, "district=110105"))).toEqual([]);
    expect(names(await points(gasStation, "district=110105&level=major"))).toEqual(["储油罐区"]);
  });

  it("refuses a missing or unknown district with a field-level problem", async () => {
    const missing = await city.call("GET", "/api/v1/map-points");
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("query.district");
    const tooMany = await city.call("GET", "/api/v1/map-points?district=110105&limit=2001");
    expect(tooMany.status).toBe(400);
  });

  it("audits a view once per enterprise shown, through the outbox when it shows many", async () => {
    // 60 enterprises in Tongzhou: more read records than one BatchWriteItem holds, so the view
    // writes one outbox message and the relay writes the records.
    const place = { district: "110112", street: "新华街道", industry: "commerce" } as const;
    const tenants = Array.from({ length: 60 }, (_, i) => `t-map-audit-${i}`);
    for (const [i, tenantId] of tenants.entries()) {
      const source = storedRiskSource(
        riskSourceInput(place, `门店 ${i}`),
        `${tenantId}~r1`,
        tenantId,
        {
          currentLevel: "low",
          nextReviewAt: null,
        },
      );
      await writeTogether(store, [
        { action: (tx) => tx.riskSource.put(riskSourceItem(source)).commit() },
      ]);
    }
    const answer = await points(city, "district=110112");
    expect(answer.items).toHaveLength(60);
    const audited = () =>
      Promise.all(
        tenants.map(async (tenantId) => {
          const { data } = await store.entities.auditRecord.query.byTenant({ tenantId }).go();
          return data.filter((a) => a.record.action === "riskSource.read").length;
        }),
      );
    // The relay follows the table's stream: on a loaded runner that takes more than seconds.
    await waitFor(async () => (await audited()).every((n) => n > 0), {
      description: "the view's read records in all 60 trails",
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    expect(await audited()).toEqual(tenants.map(() => 1));
  });
});
