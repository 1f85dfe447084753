import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../shared/errors.ts";
import { readRows, writeRows } from "./spreadsheet.ts";

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function loaded(file: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.slice().buffer);
  return workbook;
}

describe("XLSX spreadsheets", () => {
  const columns = [
    { key: "name", label: "风险源名称" },
    { key: "level", label: "风险等级" },
    { key: "score", label: "风险值 D" },
  ];

  it("round-trips Chinese text, numbers and empty cells", async () => {
    const file = await writeRows("xlsx", "风险源清单", columns, [
      { name: "朝阳区加油站", level: "重大（红）", score: 320 },
      { name: "海淀区商场", level: null, score: 70.5 },
      { name: "", level: "低（蓝）", score: null },
    ]);

    expect(await readRows(file, "xlsx")).toEqual({
      headers: ["风险源名称", "风险等级", "风险值 D"],
      rows: [
        { 风险源名称: "朝阳区加油站", 风险等级: "重大（红）", "风险值 D": "320" },
        { 风险源名称: "海淀区商场", 风险等级: "", "风险值 D": "70.5" },
        { 风险源名称: "", 风险等级: "低（蓝）", "风险值 D": "" },
      ],
    });
  });

  it("writes one named sheet with a bold, frozen header and numbers as numbers", async () => {
    const file = await writeRows("xlsx", "风险源: 2024/Q1", columns, [
      { name: "加油站", level: "较大（橙）", score: 160 },
    ]);

    const sheet = (await loaded(file)).worksheets[0];
    expect(sheet?.name).toBe("风险源_ 2024_Q1");
    expect(sheet?.getCell("A1").font).toMatchObject({ bold: true });
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getCell("C2").value).toBe(160);
  });

  it("reads the first worksheet only, converting rich text, formulas, dates, links and booleans", async () => {
    const file = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("导入");
      sheet.addRow(["名称", "复评日期", "检查时间", "得分", "合计", "链接", "已整改", "错误"]);
      sheet.addRow([
        { richText: [{ text: "朝阳区" }, { text: "加油站", font: { bold: true } }] },
        new Date(Date.UTC(2024, 4, 1)),
        new Date(Date.UTC(2024, 4, 1, 8, 30)),
        12.5,
        { formula: "D2*2", result: 25 },
        { text: "详情", hyperlink: "https://example.com/a" },
        true,
        { error: "#DIV/0!" },
      ]);
      workbook.addWorksheet("其他").addRow(["不读"]);
    });

    expect(await readRows(file, "xlsx")).toEqual({
      headers: ["名称", "复评日期", "检查时间", "得分", "合计", "链接", "已整改", "错误"],
      rows: [
        {
          名称: "朝阳区加油站",
          复评日期: "2024-05-01",
          检查时间: "2024-05-01T08:30:00.000Z",
          得分: "12.5",
          合计: "25",
          链接: "详情",
          已整改: "TRUE",
          错误: "#DIV/0!",
        },
      ],
    });
  });

  it("skips blank rows and ignores columns without a header", async () => {
    const file = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("s");
      sheet.getCell("A1").value = " 名称 ";
      sheet.getCell("C1").value = "等级";
      sheet.getCell("A2").value = "加油站";
      sheet.getCell("B2").value = "无表头";
      sheet.getCell("A4").value = "商场";
      sheet.getCell("C4").value = "一般";
      sheet.getCell("B5").value = "只在无表头列";
    });

    expect(await readRows(file, "xlsx")).toEqual({
      headers: ["名称", "等级"],
      rows: [
        { 名称: "加油站", 等级: "" },
        { 名称: "商场", 等级: "一般" },
      ],
    });
  });

  it("accepts 5,000 data rows and rejects 5,001", async () => {
    const sheet = (n: number) =>
      workbookBytes((workbook) => {
        const s = workbook.addWorksheet("s");
        s.addRow(["名称"]);
        for (let i = 0; i < n; i++) s.addRow([`风险源${i}`]);
      });

    expect((await readRows(await sheet(5_000), "xlsx")).rows).toHaveLength(5_000);
    const error = await rejection(readRows(await sheet(5_001), "xlsx"));
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([["file", "too_many_rows"]]);
  });

  it("rejects a file over 1 MB before reading it", async () => {
    const error = await rejection(readRows(new Uint8Array(1024 * 1024 + 1), "xlsx"));

    expect(error.issues.map((i) => [i.path, i.code])).toEqual([["file", "too_big"]]);
  });

  it("rejects bytes that are not an .xlsx workbook", async () => {
    const valid = await writeRows("xlsx", "s", columns, [{ name: "a", level: "b", score: 1 }]);
    const inputs = [
      new TextEncoder().encode("名称,等级\n加油站,重大\n"),
      valid.slice(0, Math.floor(valid.byteLength / 2)),
      new Uint8Array(0),
    ];

    for (const input of inputs) {
      const error = await rejection(readRows(input, "xlsx"));
      expect(error.issues).toEqual([
        {
          path: "file",
          code: "invalid_format",
          message: { zh: "无法读取 XLSX 文件", en: "The file is not a readable XLSX file" },
        },
      ]);
    }
  });
});
