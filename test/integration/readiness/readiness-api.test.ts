import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { raiseReadinessGaps } from "../../../functions/readiness/readiness-warnings.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import {
  CAPABILITY_DIMENSIONS,
  type CapabilityAssessment,
  type CapabilityChecklist,
} from "../../../shared/readiness/capability.ts";
import type { EmergencyPlan } from "../../../shared/readiness/plan.ts";
import type { EmergencyResource, SurveyReport } from "../../../shared/readiness/resource.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { Warning } from "../../../shared/warnings/warning.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// Emergency readiness through the local gateway: resources recorded by the gas station and by
// the Chaoyang government, the nearest to a source by distance, the survey; a major source's
// one-to-one plan and drills, and the daily check raising and clearing plan-missing and
// drill-overdue warnings under a controllable clock.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const SOURCE_AT = { lon: 116.47, lat: 39.91 }; // riskSourceInput's location
const MAJOR = { current: { L: 3, E: 10, C: 15 } }; // LEC 450 → major
const DAY = 86_400_000;

/** A point `km` east of the source (a degree of longitude is ~85.3 km at 39.9°N). */
const east = (km: number) => ({ lon: SOURCE_AT.lon + km / 85.3, lat: SOURCE_AT.lat });

const resource = (name: string, category: string, km: number, extra: object = {}) => ({
  category,
  name,
  quantity: 4,
  unit: "套",
  location: east(km),
  contact: { name: "张队长", phone: "13912345678" },
  availability: "available",
  ...extra,
});

describe("emergency readiness API", () => {
  let running: TestStack;
  let stack: LocalStack;
  let store: Store;
  let enterprise: ApiCaller;
  let official: ApiCaller;
  let haidian: ApiCaller;
  let cityAdmin: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("readiness");
    stack = running.stack;
    store = stackStore(stack);
    await putEnterprise(
      store,
      enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
    );
    [enterprise, official, haidian, cityAdmin] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "admin@city.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function register(name: string, major = false): Promise<RiskSource> {
    const res = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, name),
    });
    expect(res.status).toBe(201);
    const source = res.body as RiskSource;
    if (major) {
      const assessed = await enterprise.call(
        "POST",
        `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
        { body: { profileId: "lec-default", ...MAJOR } },
      );
      expect(assessed.status).toBe(201);
    }
    return source;
  }

  async function create(caller: ApiCaller, body: object): Promise<EmergencyResource> {
    const res = await caller.call("POST", "/api/v1/emergency-resources", { body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as EmergencyResource;
  }

  it("answers the nearest resources to a source by distance, within the caller's reach", async () => {
    const source = await register("卸油区");
    const far = await create(enterprise, resource("远端物资库", "supplies", 30));
    const near = await create(enterprise, resource("微型消防站", "teamFullTime", 0.5));
    const mid = await create(enterprise, resource("泡沫灭火器", "equipment", 2));
    const shelter = await create(
      official,
      resource("日坛公园应急避难场所", "shelter", 1, { district: "110105", street: "建外街道" }),
    );
    expect(shelter).toMatchObject({ owner: "city", place: { district: "110105", industry: null } });

    const path = `/api/v1/risk-sources/${encodeURIComponent(source.id)}/nearest-resources?limit=3`;
    const answer = await enterprise.call("GET", path);
    expect(answer.status).toBe(200);
    const items = (answer.body as { items: (EmergencyResource & { distanceKm: number })[] }).items;
    expect(items.map((r) => r.id)).toEqual([near.id, shelter.id, mid.id]);
    expect(items.map((r) => Math.round(r.distanceKm * 10) / 10)).toEqual([0.5, 1, 2]);
    const all = await enterprise.call("GET", path.replace("limit=3", "limit=10"));
    expect((all.body as { items: { id: string }[] }).items.at(-1)?.id).toBe(far.id);
    const shelters = await official.call("GET", `${path}&category=shelter`);
    expect((shelters.body as { items: { id: string }[] }).items.map((r) => r.id)).toEqual([
      shelter.id,
    ]);
    expect((await haidian.call("GET", path)).status, "another district's official").toBe(404);

    // The city admin works without personal phones; the district official calls them.
    const masked = await cityAdmin.call(
      "GET",
      `/api/v1/emergency-resources/${encodeURIComponent(near.id)}`,
    );
    expect((masked.body as EmergencyResource).contact.phone).toBe("139****5678");
    const clear = await official.call(
      "GET",
      `/api/v1/emergency-resources/${encodeURIComponent(near.id)}`,
    );
    expect((clear.body as EmergencyResource).contact.phone).toBe("13912345678");
    const listed = await haidian.call("GET", "/api/v1/emergency-resources?limit=500");
    expect((listed.body as { items: { id: string }[] }).items.some((r) => r.id === near.id)).toBe(
      false,
    );
  });

  it("keeps resources with If-Match, refuses the wrong kind and reports the survey", async () => {
    const stock = await create(enterprise, resource("正压式空气呼吸器", "equipment", 0.2));
    const id = encodeURIComponent(stock.id);
    const stale = await enterprise.call("PATCH", `/api/v1/emergency-resources/${id}`, {
      body: { quantity: 3 },
      headers: { "if-match": '"7"' },
    });
    expect(stale.status).toBe(412);
    const changed = await enterprise.call("PATCH", `/api/v1/emergency-resources/${id}`, {
      body: { quantity: 3, availability: "limited" },
      headers: { "if-match": '"1"' },
    });
    expect(changed.body).toMatchObject({ quantity: 3, availability: "limited", version: 2 });
    const byOfficial = await official.call("PATCH", `/api/v1/emergency-resources/${id}`, {
      body: { quantity: 0 },
      headers: { "if-match": '"2"' },
    });
    expect(byOfficial.status, "officials keep only the city's").toBe(404);
    const wrongKind = await enterprise.call("POST", "/api/v1/emergency-resources", {
      body: resource("避难场所", "shelter", 1),
    });
    expect(wrongKind.status).toBe(400);
    const outside = await haidian.call("POST", "/api/v1/emergency-resources", {
      body: resource("避难场所", "shelter", 1, { district: "110105", street: "建外街道" }),
    });
    expect(outside.status, "not the Haidian official's area").toBe(400);
    const outsideBeijing = await enterprise.call("POST", "/api/v1/emergency-resources", {
      body: { ...resource("物资", "supplies", 0), location: { lon: 121.47, lat: 31.23 } },
    });
    expect(outsideBeijing.status).toBe(400);

    const survey = await official.call(
      "GET",
      "/api/v1/enterprises/t-gas-station-chaoyang/resource-survey",
    );
    expect(survey.status).toBe(200);
    const rows = (survey.body as SurveyReport).rows;
    expect(rows.find((r) => r.category === "equipment")).toMatchObject({
      resources: 2,
      available: 1,
    });
    expect(
      rows.some((r) => r.category === "shelter"),
      "the city's are not the enterprise's",
    ).toBe(false);
    const csv = await enterprise.call(
      "GET",
      "/api/v1/enterprises/t-gas-station-chaoyang/resource-survey.csv",
    );
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain("正压式空气呼吸器");
    expect(
      (await haidian.call("GET", "/api/v1/enterprises/t-gas-station-chaoyang/resource-survey"))
        .status,
    ).toBe(404);

    const removed = await enterprise.call("DELETE", `/api/v1/emergency-resources/${id}`, {
      headers: { "if-match": '"2"' },
    });
    expect(removed.status).toBe(204);
    expect((await enterprise.call("GET", `/api/v1/emergency-resources/${id}`)).status).toBe(404);
  });

  async function readinessWarnings(source: RiskSource): Promise<Warning[]> {
    const { data } = await store.entities.warning.query
      .byTenant({ tenantId: source.tenantId })
      .go({ pages: "all" });
    return data
      .map((d) => d.record)
      .filter(
        (w) =>
          w.riskSourceId === source.id && (w.rule === "plan-missing" || w.rule === "drill-overdue"),
      )
      .sort((a, b) =>
        a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : a.rule < b.rule ? -1 : 1,
      );
  }
  const summary = (ws: Warning[]) => ws.map((w) => `${w.rule}:${w.status}`);

  it("flags a major source without plan or drill daily, and its plan and drill clear the flags", async () => {
    const now = new Date();
    const source = await register("储罐区（汽油）", true);
    await raiseReadinessGaps(store, now);
    await raiseReadinessGaps(store, new Date(now.getTime() + DAY)); // the next day: nothing new
    expect(summary(await readinessWarnings(source))).toEqual([
      "drill-overdue:open",
      "plan-missing:open",
    ]);
    const inbox = await official.call("GET", "/api/v1/warnings?limit=200&rule=drill-overdue");
    expect(
      (inbox.body as { items: Warning[] }).items.some((w) => w.riskSourceId === source.id),
    ).toBe(true);

    const made = await enterprise.call("POST", "/api/v1/emergency-plans", {
      body: {
        riskSourceId: source.id,
        title: "储罐区火灾爆炸专项应急预案",
        issuedOn: "2026-06-01",
        scenarios: ["储罐火灾", "卸油泄漏"],
        keyMeasures: "停止卸油，切断电源，疏散，报警 119，启用泡沫灭火系统",
        commander: { name: "王站长", phone: "13800138000" },
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const plan = made.body as EmergencyPlan;
    expect(plan.sharedWith).toEqual({ district: "110105", street: "建外街道" });
    const again = await enterprise.call("POST", "/api/v1/emergency-plans", {
      body: { ...(made.body as object), riskSourceId: source.id },
    });
    expect(again.status).toBe(400); // stored fields are not input (strict body)
    const twice = await enterprise.call("POST", "/api/v1/emergency-plans", {
      body: {
        riskSourceId: source.id,
        title: "第二份",
        issuedOn: "2026-06-01",
        scenarios: ["x"],
        keyMeasures: "x",
        commander: { name: "王站长", phone: "13800138000" },
      },
    });
    expect(twice.status, "one plan per source").toBe(409);
    const planPath = `/api/v1/emergency-plans/${encodeURIComponent(plan.id)}`;
    expect((await official.call("GET", planPath)).status, "shared with its district").toBe(200);
    expect((await haidian.call("GET", planPath)).status).toBe(404);

    const upload = await enterprise.call("POST", `${planPath}/document`, {
      body: { fileName: "预案.pdf", contentType: "application/pdf", size: 9 },
    });
    expect(upload.status).toBe(200);
    const put = upload.body as { url: string; headers: Record<string, string> };
    const stored = await fetch(put.url, {
      method: "PUT",
      headers: put.headers,
      body: "%PDF-1.7\n",
    });
    expect(stored.status).toBe(200);
    const link = await official.call("GET", `${planPath}/document`);
    const got = await fetch((link.body as { url: string }).url);
    expect(await got.text()).toBe("%PDF-1.7\n");

    const drill = await enterprise.call("POST", "/api/v1/drills", {
      body: {
        riskSourceId: source.id,
        heldOn: new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
        scenario: "卸油时油罐车泄漏着火",
        kind: "fullScale",
        participants: { count: 18, units: ["建外街道", "朝阳消防救援支队"] },
        findings: "报警用时 3 分钟，偏长",
        followUps: [{ action: "张贴报警流程", owner: "王站长", dueOn: "2026-12-31" }],
      },
      headers: { "idempotency-key": "readiness-drill-0001" },
    });
    expect(drill.status, JSON.stringify(drill.body)).toBe(201);
    expect(summary(await readinessWarnings(source))).toEqual([
      "drill-overdue:cleared",
      "plan-missing:cleared",
    ]);
    const drills = await official.call(
      "GET",
      `/api/v1/drills?riskSourceId=${encodeURIComponent(source.id)}`,
    );
    expect((drills.body as { items: unknown[] }).items).toHaveLength(1);

    // Thirteen months on, with no drill since: overdue again; the plan still counts.
    await raiseReadinessGaps(store, new Date(now.getTime() + 396 * DAY));
    expect(summary(await readinessWarnings(source)).filter((s) => s.endsWith(":open"))).toEqual([
      "drill-overdue:open",
    ]);
  });

  it("scores capability assessments per dimension, weakest first, for the enterprise and its supervisors", async () => {
    const checklists = await enterprise.call("GET", "/api/v1/capability-checklists");
    expect(checklists.status).toBe(200);
    const [checklist] = (checklists.body as { items: CapabilityChecklist[] }).items;
    if (!checklist) throw new Error("no checklist");
    expect(checklist.dimensions.map((d) => d.dimension)).toEqual([...CAPABILITY_DIMENSIONS]);
    const items = checklist.dimensions.flatMap((d) => d.items.map((i) => i.id));
    const answers: Record<string, string> = Object.fromEntries(items.map((id) => [id, "met"]));
    // Support lacks its team and half its supplies; the insurance item does not apply.
    Object.assign(answers, {
      "support.team": "notMet",
      "support.supplies": "partial",
      "recovery.insurance": "notApplicable",
    });
    const body = {
      checklistId: checklist.id,
      checklistVersion: checklist.version,
      assessedOn: "2026-11-02",
      assessor: "安全部 王工",
      answers,
    };

    const wrong = await enterprise.call("POST", "/api/v1/capability-assessments", {
      body: { ...body, answers: { ...answers, "org.leadership": undefined, "org.extra": "met" } },
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(
      ["body.answers.org.extra", "body.answers.org.leadership"],
    );
    const unknown = await enterprise.call("POST", "/api/v1/capability-assessments", {
      body: { ...body, checklistVersion: 99 },
    });
    expect(unknown.status).toBe(400);

    const key = { "idempotency-key": "capability-2026-11-02" };
    const made = await enterprise.call("POST", "/api/v1/capability-assessments", {
      body,
      headers: key,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const first = made.body as CapabilityAssessment;
    // support: team 3 × 0 + supplies 2 × ½ + funds 1 × 1 = 2 of 6.
    expect(first.dimensions[0]).toEqual({
      dimension: "support",
      score: 33.3,
      gaps: ["support.team", "support.supplies"],
    });
    expect(first.dimensions.slice(1).every((d) => d.score === 100)).toBe(true);
    expect(first.overall).toBe(92.6);
    const again = await enterprise.call("POST", "/api/v1/capability-assessments", {
      body,
      headers: key,
    });
    expect((again.body as CapabilityAssessment).id).toBe(first.id);

    const later = await enterprise.call("POST", "/api/v1/capability-assessments", {
      body: { ...body, assessedOn: "2026-11-30", answers: { ...answers, "support.team": "met" } },
    });
    expect(later.status).toBe(201);

    const history = await official.call(
      "GET",
      "/api/v1/capability-assessments?tenantId=t-gas-station-chaoyang",
    );
    expect(history.status).toBe(200);
    expect(
      (history.body as { items: CapabilityAssessment[] }).items.map((a) => a.assessedOn),
    ).toEqual(["2026-11-30", "2026-11-02"]);
    const own = await enterprise.call("GET", "/api/v1/capability-assessments");
    expect((own.body as { items: unknown[] }).items).toHaveLength(2);
    const one = `/api/v1/capability-assessments/${encodeURIComponent(first.id)}`;
    expect((await official.call("GET", one)).body).toEqual(first);
    expect((await haidian.call("GET", one)).status, "another district's official").toBe(404);
    expect(
      (await haidian.call("GET", "/api/v1/capability-assessments?tenantId=t-gas-station-chaoyang"))
        .status,
    ).toBe(404);
  });
});
