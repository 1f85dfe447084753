import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { Assessment } from "../../../shared/risk/assessment.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// A source's grade follows its assessment history through the local gateway against DynamoDB
// Local: a return restores the grade before it, an accept keeps it, and the inherent level
// carries over a re-assessment that grades the current risk alone (shared/risk/grade-history.ts).
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const FIRE = { current: { L: 3, E: 10, C: 15 }, inherent: { L: 6, E: 10, C: 15 } }; // major, major
const ELECTRICAL = { current: { L: 1, E: 6, C: 15 } }; // general, no inherent part
const ELECTRICAL_WITH_INHERENT = { ...ELECTRICAL, inherent: { L: 3, E: 6, C: 15 } }; // general, significant

type Created = Assessment & { riskSource: RiskSource };

describe("grade history", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let enterprise: ApiCaller;
  let official: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("grades");
    stack = running.stack;
    await putEnterprise(
      stackStore(stack),
      enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
    );
    [enterprise, official] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "official@chaoyang.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  const sourcePath = (id: string) => `/api/v1/risk-sources/${encodeURIComponent(id)}`;

  async function register(name: string): Promise<RiskSource> {
    const res = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, name),
    });
    expect(res.status).toBe(201);
    return res.body as RiskSource;
  }

  async function assess(source: RiskSource, inputs: object): Promise<Created> {
    const res = await enterprise.call("POST", `${sourcePath(source.id)}/assessments`, {
      body: { profileId: "lec-default", ...inputs },
    });
    expect(res.status).toBe(201);
    const created = res.body as Omit<Created, "status" | "nextReviewAt" | "version">;
    const history = await enterprise.call("GET", `${sourcePath(source.id)}/assessments`);
    const stored = (history.body as { items: Assessment[] }).items.find((a) => a.id === created.id);
    expect(stored).toBeDefined();
    return { ...(stored as Assessment), riskSource: created.riskSource };
  }

  async function review(assessment: Assessment, decision: "accept" | "return") {
    const res = await official.call(
      "POST",
      `/api/v1/assessments/${encodeURIComponent(assessment.id)}/review`,
      {
        body: decision === "return" ? { decision, comment: "依据不足，请补充" } : { decision },
        headers: { "if-match": `"${assessment.version}"` },
      },
    );
    expect(res.status).toBe(200);
    return res.body as Assessment;
  }

  async function read(source: RiskSource): Promise<RiskSource> {
    const res = await enterprise.call("GET", sourcePath(source.id));
    expect(res.status).toBe(200);
    return res.body as RiskSource;
  }

  /** Ids the official's register lists under a query (one page is enough here). */
  async function listed(query: string): Promise<string[]> {
    const res = await official.call("GET", `/api/v1/risk-sources?${query}&limit=200`);
    expect(res.status).toBe(200);
    return (res.body as { items: RiskSource[] }).items.map((s) => s.id);
  }

  const pointer = (a: Assessment, status: Assessment["status"]) => ({
    id: a.id,
    profileId: a.profileId,
    profileVersion: a.profileVersion,
    gradedAt: a.gradedAt,
    status,
  });

  it("restores the previous accepted grade, next review and pointer when the latest is returned", async () => {
    const source = await register("加油区 · 退回恢复");
    const first = await assess(source, FIRE);
    await review(first, "accept");
    const second = await assess(source, ELECTRICAL_WITH_INHERENT);
    expect(second.riskSource).toMatchObject({
      currentLevel: "general",
      inherentLevel: "significant",
    });
    expect(second.nextReviewAt).not.toBe(first.nextReviewAt);

    await review(second, "return");

    const after = await read(source);
    expect(after).toMatchObject({
      currentLevel: "major",
      inherentLevel: "major",
      nextReviewAt: first.nextReviewAt,
      lastAssessment: pointer(first, "accepted"),
    });
    expect(await listed("level=major")).toContain(source.id);
    expect(await listed("level=general")).not.toContain(source.id);
    const due = first.nextReviewAt.slice(0, 10);
    expect(await listed(`reviewDueBefore=${due}`)).toContain(source.id);
  });

  it("leaves the source ungraded, off the review-due index, when its only assessment is returned", async () => {
    const source = await register("加油区 · 唯一退回");
    const only = await assess(source, FIRE);
    expect(await listed("reviewDueBefore=2100-01-01")).toContain(source.id);

    await review(only, "return");

    const after = await read(source);
    expect(after).toMatchObject({
      currentLevel: null,
      inherentLevel: null,
      nextReviewAt: null,
      lastAssessment: null,
    });
    expect(await listed("level=none")).toContain(source.id);
    expect(await listed("level=major")).not.toContain(source.id);
    expect(await listed("reviewDueBefore=2100-01-01")).not.toContain(source.id);

    const again = await assess(source, ELECTRICAL);
    expect(again.trigger).toBe("initial");
    expect(again.riskSource).toMatchObject({ currentLevel: "general", inherentLevel: null });
    expect(await listed("reviewDueBefore=2100-01-01")).toContain(source.id);
  });

  it("keeps the inherent level over a re-assessment without an inherent part", async () => {
    const source = await register("加油区 · 固有沿用");
    const first = await assess(source, FIRE);
    await review(first, "accept");

    const second = await assess(source, ELECTRICAL);

    expect(second.riskSource).toMatchObject({
      currentLevel: "general",
      inherentLevel: "major",
      nextReviewAt: second.nextReviewAt,
      lastAssessment: pointer(second, "submitted"),
    });
    expect(await read(source)).toEqual(second.riskSource);
  });

  it("keeps the grade, carried inherent level included, when the assessment is accepted", async () => {
    const source = await register("加油区 · 审核通过");
    await review(await assess(source, FIRE), "accept");
    const second = await assess(source, ELECTRICAL);

    const accepted = await review(second, "accept");

    expect(accepted.status).toBe("accepted");
    expect(await read(source)).toEqual({
      ...second.riskSource,
      currentLevel: "general",
      inherentLevel: "major",
      nextReviewAt: second.nextReviewAt,
      lastAssessment: pointer(second, "accepted"),
      version: second.riskSource.version + 1,
      updatedAt: accepted.updatedAt,
    });
  });

  it("answers 412 to a review of an assessment superseded meanwhile, and keeps the newer grade", async () => {
    const source = await register("加油区 · 并发");
    const first = await assess(source, FIRE);
    const second = await assess(source, ELECTRICAL);

    const res = await official.call(
      "POST",
      `/api/v1/assessments/${encodeURIComponent(first.id)}/review`,
      {
        body: { decision: "return", comment: "已被新评估替代" },
        headers: { "if-match": `"${first.version}"` },
      },
    );

    expect(res.status).toBe(412);
    expect(await read(source)).toEqual(second.riskSource);
  });
});
