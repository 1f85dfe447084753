import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPass } from "../../../functions/passes/pass-runner.ts";
import { reviewDuePlan } from "../../../functions/passes/review-due.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { StatsSummary } from "../../../shared/stats/contribution.ts";
import { zeroEnterpriseRow } from "../../../shared/stats/enterprise-coverage.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  putEnterpriseTenant,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { waitFor } from "../../support/wait-for.ts";

// Issue 12's "done when": an assessment that raises a Chaoyang source to major moves the
// Chaoyang official's summary within seconds (the stream poller runs the fold), and an official
// of another district sees none of it.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MAJOR = { current: { L: 3, E: 10, C: 15 }, inherent: { L: 6, E: 10, C: 15 } };

describe("statistics summary", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let enterprise: ApiCaller;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let gasDepartment: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("stats");
    stack = running.stack;
    const profile = enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string);
    await putEnterprise(stackStore(stack), profile);
    await putEnterpriseTenant(stackStore(stack), profile);
    [enterprise, chaoyang, haidian, gasDepartment] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "official@gas.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  const summaryOf = async (official: ApiCaller) => {
    const res = await official.call("GET", "/api/v1/stats/summary");
    expect(res.status).toBe(200);
    return res.body as StatsSummary;
  };

  const accidentTypesOf = async (official: ApiCaller) => {
    const res = await official.call("GET", "/api/v1/stats/accident-types");
    expect(res.status).toBe(200);
    return res.body as { byAccidentType: Record<string, Record<string, number>>; asOf: string };
  };

  // The directory's stage filter: which enterprises a caller sees at a stage.
  const GAS_STATION = "t-gas-station-chaoyang";
  const atStage = async (who: ApiCaller, stage: string) => {
    const res = await who.call("GET", `/api/v1/enterprises?stage=${stage}&limit=200`);
    expect(res.status).toBe(200);
    const { items } = res.body as { items: { tenantId: string; coverage?: { stage: string } }[] };
    // Each row's coverage comes with it, read from the rollup the filter read.
    for (const e of items) expect(e.coverage?.stage, e.tenantId).toBe(stage);
    return items.map((e) => e.tenantId);
  };
  /** Listed at `stage` (by district and by industry), at no other; never in Haidian. */
  const expectListedAt = async (stage: string) => {
    for (const who of [chaoyang, gasDepartment]) {
      for (const other of ["known", "registered", "assessed", "current"]) {
        const listed = (await atStage(who, other)).includes(GAS_STATION);
        expect(listed, `listed at ${other} while ${stage}`).toBe(other === stage);
      }
    }
    expect(await atStage(haidian, stage)).not.toContain(GAS_STATION);
  };

  const enterprisesIn = (s: StatsSummary) => ({
    district: s.coverage.byDistrict["110105"]?.enterprises ?? zeroEnterpriseRow(),
    industry: s.coverage.byIndustry.gas?.enterprises ?? zeroEnterpriseRow(),
  });

  // Runs first: the enterprise has no source yet, so its stage is plain "registered".
  it("counts the enterprise registered, assessed and current as its sources are graded and fall due", async () => {
    const base = await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return enterprisesIn(s).district.registered > 0 && s;
      },
      { description: "the enterprise's tenant record folded" },
    );
    const was = enterprisesIn(base);
    await expectListedAt("registered");
    expect(was.district.known).toBeGreaterThanOrEqual(was.district.registered);
    const haidianBefore = (await summaryOf(haidian)).coverage;
    const expectStage = async (description: string, assessed: number, current: number) => {
      const s = await waitFor(
        async () => {
          const now = enterprisesIn(await summaryOf(chaoyang));
          const at = (row: typeof now.district, from: typeof was.district) =>
            row.assessed === from.assessed + assessed && row.current === from.current + current;
          return at(now.district, was.district) && at(now.industry, was.industry) && now;
        },
        { description, timeoutMs: 10_000 },
      );
      expect(s.district.registered).toBe(was.district.registered);
      expect(s.district.known).toBe(was.district.known);
    };

    const registered = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "加气机（覆盖统计）"),
    });
    expect(registered.status).toBe(201);
    const source = registered.body as RiskSource;
    const path = `/api/v1/risk-sources/${encodeURIComponent(source.id)}`;
    await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return (
          s.coverage.byDistrict["110105"]?.registered ===
          (base.coverage.byDistrict["110105"]?.registered ?? 0) + 1
        );
      },
      { description: "the registration folded" },
    );
    await expectStage("an ungraded source leaves the enterprise unassessed", 0, 0);

    const assessed = await enterprise.call("POST", `${path}/assessments`, {
      body: { profileId: "lec-default", current: { L: 1, E: 2, C: 1 } },
    });
    expect(assessed.status).toBe(201);
    await expectStage("its one source graded: assessed and current", 1, 1);
    // The enterprise directory shows the same stage, to the official and to the enterprise.
    const coverageSeenBy = async (who: ApiCaller) => {
      const res = await who.call("GET", "/api/v1/enterprises/t-gas-station-chaoyang");
      expect(res.status).toBe(200);
      return (res.body as { coverage?: unknown }).coverage;
    };
    expect(await coverageSeenBy(chaoyang)).toEqual({
      stage: "current",
      sources: 1,
      graded: 1,
      overdue: 0,
    });
    expect(await coverageSeenBy(enterprise)).toMatchObject({ stage: "current" });
    const listed = await chaoyang.call("GET", "/api/v1/enterprises?limit=100");
    const row = (
      listed.body as { items: { tenantId: string; coverage?: { stage: string } }[] }
    ).items.find((e) => e.tenantId === "t-gas-station-chaoyang");
    expect(row?.coverage?.stage).toBe("current");
    await expectListedAt("current");
    const bad = await chaoyang.call("GET", "/api/v1/enterprises?stage=overdue");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("query.stage");

    // The daily review-due pass, a day after the due date, leaves a notice: no longer current.
    const graded = (await enterprise.call("GET", path)).body as RiskSource;
    const due = Date.parse(graded.nextReviewAt ?? "");
    expect(Number.isFinite(due)).toBe(true);
    const later = new Date(due + 24 * 3600 * 1000);
    const plan = reviewDuePlan(stackStore(stack), later);
    await runPass(
      stackStore(stack),
      { ...plan, segments: plan.segments.filter((s) => s.startsWith("110105:")) },
      () => later,
    );
    await expectStage("past its review date: assessed, not current", 1, 0);
    expect(await coverageSeenBy(chaoyang)).toEqual({
      stage: "assessed",
      sources: 1,
      graded: 1,
      overdue: 1,
    });
    await expectListedAt("assessed");
    expect((await summaryOf(haidian)).coverage).toEqual(haidianBefore);

    const removed = await enterprise.call("DELETE", path, {
      headers: { "if-match": `"${graded.version}"` },
    });
    expect(removed.status).toBe(204);
    await expectStage("its only source removed: registered again", 0, 0);
    await expectListedAt("registered");
  });

  it("moves the Chaoyang official's summary when a source becomes major", async () => {
    const registered = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "液化气储罐区"),
    });
    expect(registered.status).toBe(201);
    const source = registered.body as RiskSource;
    const before = await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return (s.coverage.byDistrict["110105"]?.registered ?? 0) > 0 && s;
      },
      { description: "the registration folded" },
    );
    const haidianBefore = await summaryOf(haidian);
    const typesBefore = await accidentTypesOf(chaoyang);
    const haidianTypesBefore = await accidentTypesOf(haidian);

    const assessed = await enterprise.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      { body: { profileId: "lec-default", ...MAJOR } },
    );
    expect(assessed.status).toBe(201);

    const after = await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return s.byLevel.major === before.byLevel.major + 1 && s;
      },
      { description: "the major grade folded", timeoutMs: 10_000 },
    );
    expect(after.byDistrict["110105"]?.major).toBe((before.byDistrict["110105"]?.major ?? 0) + 1);
    expect(after.coverage.byDistrict["110105"]?.assessed).toBe(
      (before.coverage.byDistrict["110105"]?.assessed ?? 0) + 1,
    );
    expect(Object.keys(after.byDistrict).every((d) => d === "110105")).toBe(true);
    const haidianAfter = await summaryOf(haidian);
    expect({ ...haidianAfter, asOf: "" }).toEqual({ ...haidianBefore, asOf: "" });
    expect(haidianAfter.byDistrict["110105"]).toBeUndefined();
    // By accident type (GB 6441): each of the source's types counts one more major source.
    const typesAfter = await accidentTypesOf(chaoyang);
    expect(source.accidentTypes.length).toBeGreaterThan(0);
    for (const type of source.accidentTypes) {
      expect(typesAfter.byAccidentType[type]?.major, type).toBe(
        (typesBefore.byAccidentType[type]?.major ?? 0) + 1,
      );
    }
    const untouched = Object.keys(typesAfter.byAccidentType).filter(
      (t) => !(source.accidentTypes as readonly string[]).includes(t),
    );
    for (const type of untouched) {
      expect(typesAfter.byAccidentType[type], type).toEqual(typesBefore.byAccidentType[type]);
    }
    const haidianTypes = await accidentTypesOf(haidian);
    expect({ ...haidianTypes, asOf: "" }).toEqual({ ...haidianTypesBefore, asOf: "" });

    // Removing the source takes it out of the counts again (the stream's REMOVE record).
    const current = await enterprise.call(
      "GET",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
    );
    const removed = await enterprise.call(
      "DELETE",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
      { headers: { "if-match": `"${(current.body as RiskSource).version}"` } },
    );
    expect(removed.status).toBe(204);
    const gone = await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return s.byLevel.major === before.byLevel.major && s;
      },
      { description: "the removal folded", timeoutMs: 10_000 },
    );
    expect(gone.coverage.byDistrict["110105"]?.registered ?? 0).toBe(
      (before.coverage.byDistrict["110105"]?.registered ?? 0) - 1,
    );
  });

  it("counts live warnings and those waiting to be acknowledged, within the official's scope", async () => {
    const before = await summaryOf(chaoyang);
    const haidianBefore = await summaryOf(haidian);
    const registered = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "液氨储罐区（预警统计）"),
    });
    const source = registered.body as RiskSource;
    const assessed = await enterprise.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      { body: { profileId: "lec-default", ...MAJOR } },
    );
    expect(assessed.status).toBe(201);
    // A major self-assessment raises a warning at once (assessed-major); the fold counts it.
    const raised = await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return s.warnings.open.major === before.warnings.open.major + 1 && s;
      },
      { description: "the raised warning folded", timeoutMs: 10_000 },
    );
    expect(raised.warnings.live.major).toBe(before.warnings.live.major + 1);
    expect((await summaryOf(haidian)).warnings).toEqual(haidianBefore.warnings);

    const inbox = await chaoyang.call(
      "GET",
      `/api/v1/warnings?riskSourceId=${encodeURIComponent(source.id)}`,
    );
    const [warning] = (inbox.body as { items: { id: string }[] }).items;
    const id = encodeURIComponent(warning?.id ?? "");
    const step = async (name: string) => {
      const res = await chaoyang.call("POST", `/api/v1/warnings/${id}/${name}`, {
        body: { note: "统计测试" },
      });
      expect(res.status).toBe(200);
    };
    await step("acknowledge");
    const acknowledged = await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return s.warnings.open.major === before.warnings.open.major && s;
      },
      { description: "the acknowledgement folded", timeoutMs: 10_000 },
    );
    expect(acknowledged.warnings.live.major).toBe(before.warnings.live.major + 1);
    await step("resolve");
    await step("close");
    await waitFor(
      async () => {
        const s = await summaryOf(chaoyang);
        return s.warnings.live.major === before.warnings.live.major && s;
      },
      { description: "the closing folded", timeoutMs: 10_000 },
    );
  });
});
