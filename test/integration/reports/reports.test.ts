import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { readRows } from "../../../functions/adapters/spreadsheet/spreadsheet.ts";
import { writeTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { dynamoFoldStore } from "../../../functions/stats/dynamodb-fold-store.ts";
import { foldChange } from "../../../functions/stats/fold.ts";
import { readTrends } from "../../../functions/stats/stats-reader.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { ReportDownload, ReportJob } from "../../../shared/reports/report-job.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { contributionOf } from "../../../shared/stats/contribution.ts";
import type { Trends } from "../../../shared/stats/trends.ts";
import { parseJurisdiction } from "../../../shared/tenancy/claims.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
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

// Reports for officials (issue 12): jobs within the caller's jurisdiction, fetched by presigned
// link. A district official's lists hold their district's sources only, an industry
// department's its industry's only; another agency's job is a 404. Trends come from the
// snapshots the fold writes per day, here folded under a controlled clock.
const CHAOYANG = { district: "110105", street: "建外街道", industry: "gas" } as const;
const HAIDIAN = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const GAS_TENANT = "t-rep-gas-chaoyang";
const MALL_TENANT = "t-rep-mall-haidian";
const PAST = "2026-01-10T00:00:00.000Z";
const FUTURE = "2099-01-10T00:00:00.000Z";

const sources: RiskSource[] = [
  storedRiskSource(riskSourceInput(CHAOYANG, "朝阳液化气储罐区"), `${GAS_TENANT}~r1`, GAS_TENANT, {
    currentLevel: "major",
    nextReviewAt: PAST,
  }),
  storedRiskSource(riskSourceInput(CHAOYANG, "朝阳卸油作业"), `${GAS_TENANT}~r2`, GAS_TENANT, {
    currentLevel: "major",
    nextReviewAt: FUTURE,
  }),
  storedRiskSource(riskSourceInput(CHAOYANG, "朝阳配电室"), `${GAS_TENANT}~r3`, GAS_TENANT, {
    currentLevel: "low",
    nextReviewAt: PAST,
  }),
  storedRiskSource(riskSourceInput(HAIDIAN, "海淀中庭护栏"), `${MALL_TENANT}~r1`, MALL_TENANT, {
    currentLevel: "major",
    nextReviewAt: PAST,
  }),
];

describe("reports for officials", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let gas: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("reports");
    stack = running.stack;
    const store = stackStore(stack);
    await putEnterprise(store, {
      ...enterpriseFixture(GAS_TENANT, CHAOYANG, FIXTURE_USCC[0] as string),
      name: "北京朝阳报表测试加油站",
    });
    await putEnterprise(store, {
      ...enterpriseFixture(MALL_TENANT, HAIDIAN, FIXTURE_USCC[1] as string),
      name: "北京海淀报表测试商场",
    });
    for (const source of sources) {
      await writeTogether(store, [
        { action: (tx) => tx.riskSource.put(riskSourceItem(source)).commit() },
      ]);
    }
    [chaoyang, haidian, gas] = await Promise.all([
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "official@gas.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  /** Starts a report, waits for the job, fetches its file by the presigned link alone. */
  async function report(caller: ApiCaller, body: Record<string, string>) {
    const start = await caller.call("POST", "/api/v1/reports", { body });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    const { jobId } = start.body as { jobId: string };
    const job = await waitFor(
      async () => {
        const read = (await caller.call("GET", `/api/v1/reports/${jobId}`)).body as ReportJob;
        return read.status === "done" || read.status === "failed" ? read : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, description: `report job ${jobId}` },
    );
    expect(job).toMatchObject({ id: jobId, status: "done", kind: body.kind });
    const link = await caller.call("GET", `/api/v1/reports/${jobId}/download`);
    expect(link.status).toBe(200);
    const { url, fileName } = link.body as ReportDownload;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    return { job, fileName, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  it("gives the Chaoyang official the major-risk list of Chaoyang only, with names and duties", async () => {
    const { job, fileName, bytes } = await report(chaoyang, { kind: "majorRisks", format: "csv" });
    expect(fileName).toMatch(/^重大风险清单-\d{4}-\d{2}-\d{2}\.csv$/);
    const { rows } = await readRows(bytes, "csv");
    expect(job.rows).toBe(2);
    expect(rows.map((r) => r["风险源名称"]).sort()).toEqual(["朝阳卸油作业", "朝阳液化气储罐区"]);
    expect(rows[0]).toMatchObject({
      企业名称: "北京朝阳报表测试加油站",
      所在区: "朝阳区（110105）",
      行业: "燃气",
      属地监管责任: "朝阳区建外街道",
      行业管理部门责任: "区城市管理委员会",
    });
    // The supervising official reaches the responsible person (shared/tenancy/masking.ts).
    expect(rows[0]?.["企业主体责任（岗位/责任人/电话）"]).toBe("站长/王五/13700137000");
  });

  it("gives the Haidian official the overdue reviews of Haidian only, as XLSX", async () => {
    const { bytes } = await report(haidian, { kind: "overdueReviews", format: "xlsx" });
    const { rows } = await readRows(bytes, "xlsx");
    expect(rows.map((r) => [r["风险源名称"], r["企业名称"], r["应复评日期"]])).toEqual([
      ["海淀中庭护栏", "北京海淀报表测试商场", "2026-01-10"],
    ]);
  });

  it("gives the gas department a PDF of the gas sources only, its Chinese text extractable", async () => {
    const { bytes } = await report(gas, { kind: "majorRisks", format: "pdf" });
    const file = join(mkdtempSync(join(tmpdir(), "report-")), "gas.pdf");
    writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      "",
    );
    expect(text).toContain("重大风险清单");
    expect(text).toContain("范围：全市·燃气");
    expect(text).toContain("朝阳液化气储罐区");
    expect(text).not.toContain("海淀中庭护栏");
  });

  it("keeps jobs to their agency, replays an Idempotency-Key and refuses an early download", async () => {
    const body = { kind: "coverage", format: "csv" };
    const headers = { "idempotency-key": "rep-idem-1" };
    const first = await chaoyang.call("POST", "/api/v1/reports", { body, headers });
    const again = await chaoyang.call("POST", "/api/v1/reports", { body, headers });
    expect(first.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const { jobId } = first.body as { jobId: string };
    expect((await haidian.call("GET", `/api/v1/reports/${jobId}`)).status).toBe(404);
    expect((await haidian.call("GET", `/api/v1/reports/${jobId}/download`)).status).toBe(404);
    const listed = await chaoyang.call("GET", "/api/v1/reports");
    expect((listed.body as { items: ReportJob[] }).items.map((j) => j.id)).toContain(jobId);
    const others = await haidian.call("GET", "/api/v1/reports");
    expect((others.body as { items: ReportJob[] }).items.map((j) => j.id)).not.toContain(jobId);

    const store = stackStore(stack);
    const { data: queued } = await store.entities.reportJob
      .get({ tenantId: "t-district-110105", id: jobId })
      .go();
    const pendingId = `${jobId}-pending`;
    if (!queued) throw new Error("the job was not stored");
    await store.entities.reportJob
      .put({
        tenantId: "t-district-110105",
        id: pendingId,
        version: 1,
        record: { ...queued.record, id: pendingId, status: "queued" },
      })
      .go();
    const early = await chaoyang.call("GET", `/api/v1/reports/${pendingId}/download`);
    expect(early.status).toBe(409);
  });

  it("answers the trends route for the caller's scope, today's point from the live counters", async () => {
    const res = await chaoyang.call("GET", "/api/v1/stats/trends");
    expect(res.status).toBe(200);
    const trends = res.body as Trends;
    expect(trends.points).toHaveLength(30);
    const bad = await chaoyang.call("GET", "/api/v1/stats/trends?from=2026-12-02&to=2026-12-01");
    expect(bad.status).toBe(400);
  });

  it("hands a report job whose message was lost to a worker again, and leaves a fresh one alone", async () => {
    const store = stackStore(stack);
    const { job: done } = await report(chaoyang, { kind: "coverage", format: "csv" });
    const { loadReportJob, createReportJob } = await import(
      "../../../functions/reports/report-job-store.ts"
    );
    const { requeueStalledReports } = await import("../../../functions/exchange/stalled-jobs.ts");
    const template = (await loadReportJob(store, "t-district-110105", done.id))?.job;
    if (!template) throw new Error("the finished job is not stored");
    // Written as startReport writes a job, but without its queue message: lost in transit.
    const lost = async (updatedAt: Date) => {
      const id = `${done.id}-${updatedAt.getTime()}`;
      const at = updatedAt.toISOString();
      await createReportJob(
        store,
        {
          ...template,
          id,
          status: "queued",
          rows: 0,
          createdAt: at,
          updatedAt: at,
          objectKey: `${template.tenantId}/reports/${id}.csv`,
        },
        [],
      );
      return id;
    };
    const stale = await lost(new Date(Date.now() - 3_600_000));
    const fresh = await lost(new Date());

    const requeued = await requeueStalledReports(store);

    expect(requeued).toContain(stale);
    expect(requeued).not.toContain(fresh);
    const produced = await waitFor(
      async () => {
        const read = (await chaoyang.call("GET", `/api/v1/reports/${stale}`)).body as ReportJob;
        return read.status === "done" && read;
      },
      { timeoutMs: 30_000, intervalMs: 200, description: "the re-enqueued report" },
    );
    expect(produced.rows).toBe(done.rows);
    expect((await requeueStalledReports(store)).includes(stale)).toBe(false);
  });
});

describe("trends from the fold's daily snapshots", () => {
  let store: Store;

  beforeAll(async () => {
    const table = await freshTable("trends");
    store = storeFor(localAws().dynamodb, table.tableName);
  });

  it("closes each day at its last fold and carries quiet days forward", async () => {
    let clock = new Date("2026-11-01T02:00:00.000Z"); // 10:00 in Beijing
    const fold = dynamoFoldStore(store, () => clock);
    const put = (source: RiskSource, version: number) =>
      foldChange(fold, {
        tenantId: source.tenantId,
        sourceId: source.id,
        version,
        contribution: contributionOf(source),
      });
    const [a, b, , h] = sources as [RiskSource, RiskSource, RiskSource, RiskSource];
    // The gas station signs up in Chaoyang (known, registered), its first source ungraded.
    await foldChange(fold, { kind: "tenant", tenantId: GAS_TENANT, version: 1, status: "active" });
    await foldChange(fold, {
      kind: "enterprise",
      tenantId: GAS_TENANT,
      version: 1,
      place: CHAOYANG,
    });
    await put({ ...a, currentLevel: null }, 1);
    await put(h, 1);
    clock = new Date("2026-11-02T15:30:00.000Z"); // 23:30 on 2 November in Beijing
    await put(a, 2);
    clock = new Date("2026-11-02T16:30:00.000Z"); // already 3 November in Beijing
    await put(b, 1);
    // The review-due pass finds `a` past its review: no level moves, the enterprise's stage does.
    clock = new Date("2026-11-04T02:00:00.000Z");
    await foldChange(fold, {
      kind: "reviewNotice",
      tenantId: GAS_TENANT,
      sourceId: a.id,
      dueAt: a.nextReviewAt as string,
    });

    const chaoyang = {
      kind: "jurisdiction" as const,
      tenantId: "t-district-110105",
      jurisdiction: parseJurisdiction("d:110105"),
    };
    const trends = await readTrends(
      store,
      chaoyang,
      { from: "2026-10-31", to: "2026-11-05" },
      new Date("2026-11-04T04:00:00.000Z"),
    );
    expect(trends.to).toBe("2026-11-04");
    expect(trends.points.map((p) => [p.date, p.byLevel.major, p.registered, p.assessed])).toEqual([
      ["2026-10-31", 0, 0, 0],
      ["2026-11-01", 0, 1, 0],
      ["2026-11-02", 1, 1, 1],
      ["2026-11-03", 2, 2, 2],
      ["2026-11-04", 2, 2, 2],
    ]);
    expect(trends.points.map((p) => [p.date, p.enterprises])).toEqual([
      ["2026-10-31", { known: 0, registered: 0, assessed: 0, current: 0 }],
      ["2026-11-01", { known: 1, registered: 1, assessed: 0, current: 0 }],
      ["2026-11-02", { known: 1, registered: 1, assessed: 1, current: 1 }],
      ["2026-11-03", { known: 1, registered: 1, assessed: 1, current: 1 }],
      ["2026-11-04", { known: 1, registered: 1, assessed: 1, current: 0 }],
    ]);
    const city = await readTrends(
      store,
      { kind: "jurisdiction", tenantId: "t-city", jurisdiction: parseJurisdiction("*") },
      { from: "2026-11-01", to: "2026-11-01" },
      new Date("2026-11-04T04:00:00.000Z"),
    );
    expect(city.points.map((p) => [p.registered, p.byLevel.major])).toEqual([[2, 1]]);
  });
});
