import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../shared/errors.ts";
import { readRows, writeRows } from "./spreadsheet.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("CSV spreadsheets", () => {
  const columns = [
    { key: "name", label: "风险源名称" },
    { key: "district", label: "所属区" },
    { key: "score", label: "风险值 D" },
    { key: "note", label: "备注" },
  ];

  it("round-trips Chinese text, numbers, empty cells and quoting", async () => {
    const file = await writeRows("csv", "风险源", columns, [
      { name: "朝阳区加油站", district: "朝阳区", score: 320, note: null },
      { name: '大型商场 "万达"', district: "海淀区", score: 70.5, note: "含逗号, 和\n换行" },
      { name: "仓库", district: "", score: null, note: "" },
    ]);

    expect(await readRows(file, "csv")).toEqual({
      headers: ["风险源名称", "所属区", "风险值 D", "备注"],
      rows: [
        { 风险源名称: "朝阳区加油站", 所属区: "朝阳区", "风险值 D": "320", 备注: "" },
        {
          风险源名称: '大型商场 "万达"',
          所属区: "海淀区",
          "风险值 D": "70.5",
          备注: "含逗号, 和\n换行",
        },
        { 风险源名称: "仓库", 所属区: "", "风险值 D": "", 备注: "" },
      ],
    });
  });

  it("writes a UTF-8 BOM and CRLF line ends so Excel opens Chinese correctly", async () => {
    const file = await writeRows("csv", "s", [{ key: "a", label: "名称" }], [{ a: "燃气" }]);

    expect([...file.slice(0, 3)]).toEqual(BOM);
    expect(new TextDecoder().decode(file.slice(3))).toBe("名称\r\n燃气\r\n");
  });

  it("reads the same rows with and without a BOM", async () => {
    const text = "名称,等级\n加油站,重大\n";
    const expected = { headers: ["名称", "等级"], rows: [{ 名称: "加油站", 等级: "重大" }] };

    expect(await readRows(encode(text), "csv")).toEqual(expected);
    expect(await readRows(Uint8Array.from([...BOM, ...encode(text)]), "csv")).toEqual(expected);
  });

  it("reads GB18030 (Excel's plain CSV on Chinese Windows)", async () => {
    const gbk = Buffer.from("c3fbb3c62cb5c8bcb60abcd3d3cdd5be2cd6d8b4f3", "hex"); // 名称,等级\n加油站,重大

    expect(await readRows(gbk, "csv")).toEqual({
      headers: ["名称", "等级"],
      rows: [{ 名称: "加油站", 等级: "重大" }],
    });
  });

  it("trims headers, ignores unnamed columns and blank lines, fills short rows with empty text", async () => {
    const file = encode(" 名称 ,,等级\r\n加油站,x,重大\r\n\r\n,,\r\n商场\r\n");

    expect(await readRows(file, "csv")).toEqual({
      headers: ["名称", "等级"],
      rows: [
        { 名称: "加油站", 等级: "重大" },
        { 名称: "商场", 等级: "" },
      ],
    });
  });

  it("neutralises text a spreadsheet would run as a formula, but not plain numbers", async () => {
    const file = await writeRows(
      "csv",
      "s",
      [{ key: "v", label: "v" }],
      [{ v: '=HYPERLINK("http://x")' }, { v: "@SUM(A1)" }, { v: "-12.5" }, { v: -3 }],
    );

    expect((await readRows(file, "csv")).rows.map((row) => row.v)).toEqual([
      '\'=HYPERLINK("http://x")',
      "'@SUM(A1)",
      "-12.5",
      "-3",
    ]);
  });

  it("accepts 5,000 data rows and rejects 5,001", async () => {
    const sheet = (n: number) => encode(`名称\n${"加油站\n".repeat(n)}`);

    expect((await readRows(sheet(5_000), "csv")).rows).toHaveLength(5_000);
    const error = await rejection(readRows(sheet(5_001), "csv"));
    expect(error.issues).toEqual([
      {
        path: "file",
        code: "too_many_rows",
        message: {
          zh: "表格有 5001 行数据，超过 5000 行上限，请分批导入",
          en: "The sheet has 5001 data rows; the limit is 5000, import it in parts",
        },
      },
    ]);
  });

  it("rejects a file over 1 MB before reading it", async () => {
    const error = await rejection(readRows(new Uint8Array(1024 * 1024 + 1), "csv"));

    expect(error.issues.map((i) => [i.path, i.code])).toEqual([["file", "too_big"]]);
  });

  it("rejects malformed CSV, a missing header and duplicate headers", async () => {
    const unclosed = await rejection(readRows(encode('名称\n"加油站\n'), "csv"));
    const empty = await rejection(readRows(encode(""), "csv"));
    const duplicate = await rejection(readRows(encode("名称,名称\na,b\n"), "csv"));

    expect([unclosed, empty, duplicate].map((e) => e.issues.map((i) => [i.path, i.code]))).toEqual([
      [["file", "invalid_format"]],
      [["file", "missing_header"]],
      [["file", "duplicate_header"]],
    ]);
    expect(unclosed.issues[0]?.message).toEqual({
      zh: "无法读取 CSV 文件：第 2 行格式有误",
      en: "The file is not a readable CSV file: malformed at line 2",
    });
    expect(duplicate.title).toEqual({
      zh: "上传的表格无法导入",
      en: "The uploaded spreadsheet cannot be imported",
    });
  });
});
