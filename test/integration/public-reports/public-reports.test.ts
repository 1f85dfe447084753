import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { signCardLink } from "../../../functions/cards/card-links.ts";
import { setting } from "../../../functions/platform/config.ts";
import type { HiddenDanger } from "../../../shared/hidden-dangers/hidden-danger.ts";
import type { PublicReport } from "../../../shared/hidden-dangers/public-report.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { cardLinkToken } from "../../support/card-fixtures.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// Public hidden-danger reports through the local gateway: a visitor holding the card's QR link
// reports without signing in; the report waits, counting nowhere, until the Chaoyang official
// accepts it (a hidden danger of the source, a major one turning the source major) or rejects it
// with a reason. The contact reaches the official only; Haidian's official never sees it; the
// link is rate-limited; an expired or forged link is refused.
const TENANT = "t-gas-station-chaoyang";
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const GENERAL = { current: { L: 1, E: 6, C: 15 } }; // LEC 90 → general
const enc = encodeURIComponent;

describe("public hidden-danger reports", () => {
  let running: TestStack;
  let store: Store;
  let enterprise: ApiCaller;
  let official: ApiCaller;
  let haidian: ApiCaller;
  let source: RiskSource;

  beforeAll(async () => {
    process.env.CITYRISK_PUBLIC_REPORT_RATE_LIMIT = "3/3600";
    running = await startTestStack("public-reports");
    store = stackStore(running.stack);
    await putEnterprise(store, enterpriseFixture(TENANT, GAS, FIXTURE_USCC[0] as string));
    [enterprise, official, haidian] = await Promise.all([
      signIn(running.stack, "admin@gas-station.demo"),
      signIn(running.stack, "official@chaoyang.demo"),
      signIn(running.stack, "official@haidian.demo"),
    ]);
    const res = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "公众举报加油区"),
    });
    source = res.body as RiskSource;
    const graded = await enterprise.call(
      "POST",
      `/api/v1/risk-sources/${enc(source.id)}/assessments`,
      { body: { profileId: "lec-default", ...GENERAL } },
    );
    expect(graded.status).toBe(201);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function submit(token: string, body: unknown) {
    const res = await fetch(
      `${running.stack.baseUrl}/api/v1/public/risk-sources/${token}/hidden-dangers`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      },
    );
    return { status: res.status, body: (await res.json()) as { id: string; status: string } };
  }

  async function queue(caller: ApiCaller): Promise<PublicReport[]> {
    const res = await caller.call(
      "GET",
      `/api/v1/public-danger-reports?riskSourceId=${enc(source.id)}`,
    );
    expect(res.status).toBe(200);
    return (res.body as { items: PublicReport[] }).items;
  }

  async function dangers(): Promise<HiddenDanger[]> {
    const res = await enterprise.call(
      "GET",
      `/api/v1/hidden-dangers?riskSourceId=${enc(source.id)}`,
    );
    return (res.body as { items: HiddenDanger[] }).items;
  }

  it("holds a report pending until the official accepts it; a major one turns the source major", async () => {
    const token = await cardLinkToken(source.id, "valid");
    const sent = await submit(token, {
      title: "加油区有人吸烟",
      description: "3 号加油机旁有人吸烟，无人制止",
      contact: "13900139000",
    });
    expect(sent.status).toBe(202);
    expect(sent.body.status).toBe("pending");
    expect(await dangers()).toEqual([]);

    const [seen] = await queue(official);
    expect(seen).toMatchObject({ id: sent.body.id, status: "pending", contact: "13900139000" });
    const [own] = await queue(enterprise);
    expect(own).toMatchObject({ id: sent.body.id, contact: null });
    expect(await queue(haidian)).toEqual([]);

    const path = `/api/v1/public-danger-reports/${enc(sent.body.id)}`;
    expect(
      (
        await haidian.call("POST", `${path}/accept`, {
          body: { level: "major" },
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await enterprise.call("POST", `${path}/accept`, {
          body: { level: "major" },
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(403);
    const accepted = await official.call("POST", `${path}/accept`, {
      body: { level: "major" },
      headers: { "if-match": '"1"' },
    });
    expect(accepted.status).toBe(200);
    const report = accepted.body as PublicReport;
    expect(report.status).toBe("accepted");
    const [danger] = await dangers();
    expect(danger).toMatchObject({
      id: report.hiddenDangerId,
      reporterKind: "public",
      publicReportId: report.id,
      level: "major",
      status: "reported",
      supervised: true,
    });
    const after = await enterprise.call("GET", `/api/v1/risk-sources/${enc(source.id)}`);
    expect((after.body as RiskSource).currentLevel).toBe("major");

    const again = await official.call("POST", `${path}/reject`, {
      body: { reason: "重复" },
      headers: { "if-match": '"2"' },
    });
    expect(again.status).toBe(409);
  });

  it("rejects with a reason; nothing counts", async () => {
    const before = (await dangers()).length;
    const sent = await submit(await cardLinkToken(source.id, "valid"), {
      title: "测试",
      description: "误报",
    });
    expect(sent.status).toBe(202);
    const rejected = await official.call(
      "POST",
      `/api/v1/public-danger-reports/${enc(sent.body.id)}/reject`,
      { body: { reason: "现场核实无此情况" }, headers: { "if-match": '"1"' } },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "rejected", rejectReason: "现场核实无此情况" });
    expect((await dangers()).length).toBe(before);
  });

  it("refuses bad bodies, expired and forged links, and too many reports from one link", async () => {
    // A link of its own (the earlier cases' links were signed the same second, hence equal).
    const now = new Date();
    const token = await signCardLink(
      source.id,
      setting("cardLinkSecret"),
      new Date(now.getTime() + 7_200_000),
      now,
    );
    expect((await submit(token, { title: "", description: "x" })).status).toBe(400);
    expect((await submit(token, { title: "x", description: "y", tenantId: "t-x" })).status).toBe(
      400,
    );
    const body = { title: "消防通道堵塞", description: "纸箱" };
    expect((await submit(await cardLinkToken(source.id, "expired"), body)).status).toBe(410);
    expect((await submit(`${token.slice(0, -4)}AAAA`, body)).status).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await submit(token, body)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
