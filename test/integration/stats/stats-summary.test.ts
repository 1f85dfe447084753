import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { StatsSummary } from "../../../shared/stats/contribution.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
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

  beforeAll(async () => {
    running = await startTestStack("stats");
    stack = running.stack;
    await putEnterprise(
      stackStore(stack),
      enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
    );
    [enterprise, chaoyang, haidian] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
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
