import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STALENESS_SHARDS } from "../../../functions/adapters/dynamodb/entities/indicator.ts";
import { shardOf } from "../../../functions/adapters/dynamodb/shard.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { DEFAULT_RULE_SET, type WarningRuleSet } from "../../../shared/warnings/rules.ts";
import type { Warning } from "../../../shared/warnings/warning.ts";
import { gasStation, inbox, startGasStationStack } from "../../support/gas-station-stack.ts";
import { type ApiCaller, stackStore } from "../../support/stack-client.ts";
import type { TestStack } from "../../support/test-stack.ts";

// Versions of the warning rules through the local gateway: officials read them, the city admin
// publishes the next one (immutable, audited, idempotent), and the engine follows the version
// in force — a warning raised after publication names it and starts on its deadlines.
const PATH = "/api/v1/warning-rule-sets";
const CITY_TENANT = "t-city-safety-committee";

const V2: WarningRuleSet = {
  ...DEFAULT_RULE_SET,
  version: 2,
  predicted: { ...DEFAULT_RULE_SET.predicted, horizonSeconds: 7200 },
  staleLevel: "major",
  reviewGraceDays: 3,
  escalation: {
    ...DEFAULT_RULE_SET.escalation,
    acknowledgeMinutes: { major: 5, significant: 20, general: 120, low: 720 },
  },
};

function problemOf(res: { status: number; headers: Headers; body: unknown }) {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return res.body as { code: string; errors?: { path: string; code: string; message: object }[] };
}

describe("warning rule sets", () => {
  let running: TestStack;
  let stack: LocalStack;
  let admin: ApiCaller;
  let official: ApiCaller;
  let enterprise: ApiCaller;
  let station: ReturnType<typeof gasStation>;

  beforeAll(async () => {
    let callers: ApiCaller[];
    ({ running, callers } = await startGasStationStack("rule-sets", [
      "admin@city.demo",
      "official@chaoyang.demo",
      "admin@gas-station.demo",
    ]));
    stack = running.stack;
    [admin, official, enterprise] = callers as [ApiCaller, ApiCaller, ApiCaller];
    station = gasStation(enterprise);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function publications() {
    const { data } = await stackStore(stack)
      .entities.auditRecord.query.byTenant({ tenantId: CITY_TENANT })
      .go({ pages: "all" });
    return data.map((d) => d.record).filter((r) => r.action === "warningRuleSet.publish");
  }

  const warningsOf = async (source: RiskSource, rule: string) =>
    (await inbox(official, `&rule=${rule}`)).filter((w) => w.riskSourceId === source.id);

  function minutesToDue(warning: Warning | undefined): number {
    const dueAt = warning?.escalation.dueAt;
    if (!warning || !dueAt) throw new Error("no live warning with a deadline");
    return (Date.parse(dueAt) - Date.parse(warning.raisedAt)) / 60_000;
  }

  it("is the product default alone until a version is published, read by officials only", async () => {
    expect(await official.call("GET", PATH)).toMatchObject({
      status: 200,
      body: { items: [DEFAULT_RULE_SET] },
    });
    expect(await admin.call("GET", `${PATH}/current`)).toMatchObject({
      status: 200,
      body: DEFAULT_RULE_SET,
    });
    const refused = await enterprise.call("GET", PATH);
    expect(refused.status).toBe(403);
  });

  it("refuses publication to anyone but the city admin, and anything but the next version", async () => {
    for (const caller of [official, enterprise]) {
      const res = await caller.call("POST", PATH, { body: V2 });
      expect(res.status).toBe(403);
      expect(problemOf(res).code).toBe("access.forbidden");
    }

    const skipping = await admin.call("POST", PATH, { body: { ...V2, version: 3 } });
    expect(skipping.status).toBe(400);
    expect(problemOf(skipping).errors).toMatchObject([
      { path: "body.version", code: "warningRules.invalidVersion", allowed: [2] },
    ]);

    const draft = await admin.call("POST", PATH, { body: { ...V2, status: "draft" } });
    expect(draft.status).toBe(400);
    expect(problemOf(draft).errors).toMatchObject([
      { path: "body.status", allowed: ["published"] },
    ]);

    const unknown = await admin.call("POST", PATH, {
      body: { ...V2, predicted: { ...V2.predicted, smoothing: 0.5 } },
    });
    expect(unknown.status).toBe(400);
    const [issue] = problemOf(unknown).errors ?? [];
    expect(issue).toMatchObject({ path: "body.predicted", code: "unrecognized_keys" });
    expect(JSON.stringify(issue?.message)).toContain("smoothing");

    expect((await official.call("GET", PATH)).body).toEqual({ items: [DEFAULT_RULE_SET] });
    expect(await publications()).toEqual([]);
  });

  it("publishes the next version once, audited, and the engine follows it", async () => {
    const headers = { "idempotency-key": "publish-rules-v2" };
    const published = await admin.call("POST", PATH, { body: V2, headers });
    expect(published).toMatchObject({ status: 201, body: V2 });
    // A retry with its key gets the first answer; without one the version is taken (400).
    expect(await admin.call("POST", PATH, { body: V2, headers })).toMatchObject({
      status: 201,
      body: V2,
    });
    const again = await admin.call("POST", PATH, { body: V2 });
    expect(again.status).toBe(400);
    expect(problemOf(again).errors).toMatchObject([{ path: "body.version", allowed: [3] }]);

    expect((await official.call("GET", PATH)).body).toEqual({ items: [V2, DEFAULT_RULE_SET] });
    expect((await official.call("GET", `${PATH}/current`)).body).toEqual(V2);
    expect(await publications()).toMatchObject([
      {
        actor: { userId: "u-city-admin", role: "cityAdmin" },
        target: { type: "warningRuleSet", id: "warning-rules-default@2" },
        before: { version: 1 },
        after: V2,
      },
    ]);

    // A district without deadlines of its own (nor the city) follows the version in force.
    expect((await official.call("GET", "/api/v1/warning-settings/110105")).body).toEqual({
      scope: "110105",
      source: "default",
      version: 0,
      timing: V2.escalation,
    });

    // A self-assessment grading a source major: the warning names v2 and is due in v2's 5 min.
    const source = await station.register("储罐区（液化石油气）");
    await station.assessMajor(source);
    const [major] = await warningsOf(source, "assessed-major");
    expect(major?.ruleSet).toEqual({ id: DEFAULT_RULE_SET.id, version: 2 });
    expect(minutesToDue(major)).toBe(5);

    // Readings are evaluated and raise under v2 as well.
    const indicator = await station.addGasSensor(source);
    const now = Date.now();
    const posted = await enterprise.call("POST", "/api/v1/readings", {
      body: {
        readings: [0, 1, 2, 3].map((m) => ({
          indicatorId: indicator.id,
          at: new Date(now - (3 - m) * 60_000).toISOString(),
          value: 45,
        })),
      },
    });
    expect(posted.body).toMatchObject({ accepted: 4, rejected: [] });
    const [sustained] = await warningsOf(source, "threshold-sustained");
    expect(sustained?.ruleSet).toEqual({ id: DEFAULT_RULE_SET.id, version: 2 });
    expect(minutesToDue(sustained)).toBe(5);
  });

  it("the sweep follows it too: v2's stale level and its grace days for overdue reviews", async () => {
    // Imported here: the sweep's modules read the configuration the stack sets.
    const { overdueReviewPlan, stalenessSweep } = await import(
      "../../../functions/warnings/sweep.ts"
    );
    const store = stackStore(stack);
    const source = await station.register("卸油区（油罐车）");
    const indicator = await station.addGasSensor(source);
    const quiet = new Date(Date.parse(indicator.createdAt) + 16 * 60_000);
    const raised = await stalenessSweep(store, quiet, shardOf(indicator.id, STALENESS_SHARDS));
    const [stale] = await warningsOf(source, "sensor-stale");
    expect(raised).toContain(stale?.id);
    expect(stale).toMatchObject({ level: "major", ruleSet: { version: 2 } });

    const graded = await station.assessMajor(source);
    const dueAt = Date.parse(graded.nextReviewAt ?? "");
    const daysPast = (days: number) => new Date(dueAt + days * 86_400_000);
    expect((await overdueReviewPlan(store, graded, daysPast(2.9))).change).toBe("none");
    const overdue = await overdueReviewPlan(store, graded, daysPast(3));
    expect(overdue.warning).toMatchObject({ rule: "review-overdue", ruleSet: { version: 2 } });
  });

  it("lets one of two publications of the same version through", async () => {
    const v3 = { ...V2, version: 3, reviewGraceDays: 7 };
    const answers = await Promise.all([
      admin.call("POST", PATH, { body: v3 }),
      admin.call("POST", PATH, { body: v3 }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(201);
    expect([400, 409]).toContain(statuses[1]);
    const refused = answers.find((a) => a.status !== 201);
    expect(refused?.headers.get("content-type")).toContain("application/problem+json");
    expect((await official.call("GET", PATH)).body).toEqual({
      items: [v3, V2, DEFAULT_RULE_SET],
    });
    expect((await publications()).map((p) => p.target.id).sort()).toEqual([
      "warning-rules-default@2",
      "warning-rules-default@3",
    ]);
  });
});
