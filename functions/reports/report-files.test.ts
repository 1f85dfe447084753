import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  coverageTable,
  majorRiskTable,
  overdueReviewTable,
  trendTable,
} from "../../shared/reports/report-table.ts";
import { trendPoints } from "../../shared/stats/trends.ts";
import { riskSourceInput, storedRiskSource } from "../../test/support/registry-fixtures.ts";
import { readXlsxTable } from "../adapters/spreadsheet/xlsx.ts";
import { reportFile } from "./report-files.ts";

// Pure report building and the three formats: rows and names beside codes (shared/reports), the
// XLSX read back cell for cell, and the PDF's Chinese text extracted by poppler's pdftotext (-raw:
// content order, so a cell's wrapped lines stay together)
// (Debian poppler-utils, installed by .ci/run). A PNG of the first page goes to test-results/.
const CHAOYANG = { district: "110105", street: "建外街道", industry: "gas" } as const;
const HAIDIAN = { district: "110108", street: "中关村街道", industry: "commerce" } as const;

const named = [
  {
    source: storedRiskSource(riskSourceInput(HAIDIAN, "中庭护栏"), "rs-2", "t-mall", {
      currentLevel: "major",
      nextReviewAt: "2026-11-20T00:00:00.000Z",
    }),
    enterpriseName: "北京海淀测试商场有限公司",
  },
  {
    source: storedRiskSource(riskSourceInput(CHAOYANG, "液化气储罐区"), "rs-1", "t-gas", {
      currentLevel: "major",
      nextReviewAt: "2026-12-30T00:00:00.000Z",
    }),
    enterpriseName: "北京朝阳测试加油站有限公司",
  },
];
const heading = { scope: "朝阳区", generatedAt: new Date("2026-12-01T08:00:00.000Z") };

describe("report tables", () => {
  it("lists major sources by place with the three responsibilities and names beside codes", () => {
    const table = majorRiskTable(named);
    expect(table.title).toBe("重大风险清单");
    expect(table.rows.map((r) => r.enterprise)).toEqual([
      "北京朝阳测试加油站有限公司",
      "北京海淀测试商场有限公司",
    ]);
    expect(table.rows[0]).toMatchObject({
      no: 1,
      source: "液化气储罐区",
      district: "朝阳区（110105）",
      industry: "燃气",
      accidentTypes: "火灾、其他爆炸",
      enterpriseDuty: "站长/王五/13700137000",
      territorialDuty: "朝阳区建外街道",
      industryDuty: "区城市管理委员会",
      nextReview: "2026-12-30",
    });
  });

  it("keeps only reviews past due, the longest overdue first, with days overdue", () => {
    const table = overdueReviewTable(named, new Date("2026-12-01T00:00:00.000Z"));
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ source: "中庭护栏", due: "2026-11-20", overdueDays: 11 });
  });

  it("ranks coverage laggards first per district and per industry", () => {
    const enterprises = (known: number, current: number) => ({
      known,
      registered: known,
      assessed: current,
      current,
    });
    const table = coverageTable({
      byDistrict: {
        "110105": { registered: 10, assessed: 9, enterprises: enterprises(4, 1) },
        "110108": { registered: 10, assessed: 2, enterprises: enterprises(4, 3) },
        "110101": { registered: 10, assessed: 1, enterprises: enterprises(4, 3) },
      },
      byIndustry: { gas: { registered: 20, assessed: 11, enterprises: enterprises(8, 4) } },
    });
    // Enterprises in date first; between equals, the share of sources assessed.
    expect(table.rows.map((r) => [r.group, r.rank, r.name, r.currentShare, r.share])).toEqual([
      ["区", 1, "朝阳区", "25.0%", "90.0%"],
      ["区", 2, "东城区", "75.0%", "10.0%"],
      ["区", 3, "海淀区", "75.0%", "20.0%"],
      ["行业", 1, "燃气", "50.0%", "55.0%"],
    ]);
  });
});

describe("trend points", () => {
  it("carries each shard's latest snapshot forward and sums the shards per day", () => {
    const points = trendPoints(
      [
        {
          before: { "L:major": 1, "L:none": 2 },
          days: [{ date: "2026-11-03", counts: { "L:major": 2, "L:none": 1 } }],
        },
        {
          before: undefined,
          days: [
            {
              date: "2026-11-02",
              counts: { "L:low": 5, "ED:110105:known": 1, "ED:110108:known": 1 },
            },
          ],
        },
      ],
      "2026-11-01",
      "2026-11-04",
    );
    // Enterprises sum over the districts' stage cells.
    expect(points.map((p) => p.enterprises.known)).toEqual([0, 2, 2, 2]);
    expect(
      points.map((p) => [p.date, p.byLevel.major, p.byLevel.low, p.registered, p.assessed]),
    ).toEqual([
      ["2026-11-01", 1, 0, 3, 1],
      ["2026-11-02", 1, 5, 8, 6],
      ["2026-11-03", 2, 5, 8, 7],
      ["2026-11-04", 2, 5, 8, 7],
    ]);
  });
});

describe("report files", () => {
  const artifacts = join(process.cwd(), "test-results");
  mkdirSync(artifacts, { recursive: true });

  it("writes a PDF whose text extracts with the Chinese title, names and responsibilities", async () => {
    const pdf = Buffer.from(await reportFile(majorRiskTable(named), "pdf", heading));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = join(artifacts, "report-major-risks.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      "",
    );
    for (const expected of [
      "重大风险清单",
      "范围：朝阳区",
      "北京朝阳测试加油站有限公司",
      "液化气储罐区",
      "企业主体责任",
      "属地监管责任",
      "行业管理部门责任",
      "朝阳区建外街道",
      "第1页/共1页",
    ]) {
      expect(text).toContain(expected);
    }
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      file,
      join(artifacts, "report-major-risks"),
    ]);
  });

  it("writes an XLSX that reads back with Chinese headers and every row", async () => {
    const table = trendTable(
      trendPoints(
        [{ before: { "L:major": 3, "ED:110105:known": 2, "ED:110105:current": 1 }, days: [] }],
        "2026-11-01",
        "2026-11-03",
      ),
    );
    const rows = await readXlsxTable(await reportFile(table, "xlsx", heading));
    expect(rows[0]).toEqual([
      "日期",
      "重大风险",
      "较大风险",
      "一般风险",
      "低风险",
      "登记风险源",
      "已评估",
      "在册企业",
      "已注册",
      "已评估企业",
      "评估在期",
    ]);
    expect(rows.slice(1).map((r) => [...r.slice(0, 2), ...r.slice(7)])).toEqual([
      ["2026-11-01", "3", "2", "0", "0", "1"],
      ["2026-11-02", "3", "2", "0", "0", "1"],
      ["2026-11-03", "3", "2", "0", "0", "1"],
    ]);
  });

  it("writes a CSV with a BOM so Excel opens the Chinese right", async () => {
    const csv = Buffer.from(
      await reportFile(coverageTable({ byDistrict: {}, byIndustry: {} }), "csv", heading),
    );
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString("utf8").slice(1).split(/\r?\n/)[0]).toBe(
      "维度,排名（滞后在前）,编码,名称,在册企业,已注册,已评估企业,评估在期,在期率,登记风险源,已评估,评估率",
    );
  });
});
