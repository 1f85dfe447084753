import { describe, expect, it } from "vitest";
import { EnterpriseCreateInputSchema } from "../risk/enterprise.ts";
import { RiskSourceCreateInputSchema } from "../risk/risk-source.ts";
import { type ColumnSpec, recordOfRow, resolveHeaders } from "./columns.ts";
import {
  CENSUS_COLUMNS,
  STANDARDIZATION_COLUMNS,
  StandardizationRowSchema,
} from "./enterprise-columns.ts";
import { RISK_SOURCE_COLUMNS } from "./risk-source-columns.ts";
import { rowErrorsFromZod } from "./row-error-text.ts";

const exampleRow = (columns: readonly ColumnSpec[]) =>
  Object.fromEntries(columns.map((c) => [c.label, c.example.replace("【示例】", "")]));

/** The row errors of one sheet row: the template's example with some cells changed. */
function errorsOf(
  columns: readonly ColumnSpec[],
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  cells: Record<string, string>,
) {
  const row = { ...exampleRow(columns), ...cells };
  const record = recordOfRow(resolveHeaders(columns, Object.keys(row)), row);
  const parsed = schema.safeParse(record);
  if (parsed.success) return [];
  return rowErrorsFromZod(columns, 7, parsed.error as never, record);
}

describe("import row errors in words", () => {
  it("names the column and the rule of a bad phone, in both languages", () => {
    const errors = errorsOf(CENSUS_COLUMNS, EnterpriseCreateInputSchema, {
      安全管理联系人电话: "12345",
    });

    expect(errors).toEqual([
      {
        row: 7,
        path: "safetyContactPhone",
        column: "安全管理联系人电话",
        code: "invalid_format",
        message: {
          zh: "安全管理联系人电话格式不正确：应为 11 位手机号或带区号的固定电话",
          en: "安全管理联系人电话 (safetyContactPhone) is invalid: expected an 11-digit mobile number or a landline with its area code",
        },
      },
    ]);
  });

  it("says a required cell is empty instead of 'expected string, received undefined'", () => {
    const errors = errorsOf(CENSUS_COLUMNS, EnterpriseCreateInputSchema, { 主要负责人: "" });

    expect(errors.map((e) => e.message)).toEqual([
      {
        zh: "主要负责人未填写：此列必填",
        en: "主要负责人 (principalName) is missing: the column is required",
      },
    ]);
  });

  it("gives lengths, catalog values and the credit-code rule, never a pattern", () => {
    const errors = errorsOf(CENSUS_COLUMNS, EnterpriseCreateInputSchema, {
      统一社会信用代码: "91110105MA01ABCD30",
      企业名称: "长".repeat(101),
      所属行业: "养殖",
    });

    expect(errors.map((e) => [e.path, e.message.zh])).toEqual([
      [
        "uscc",
        "统一社会信用代码格式不正确：应为 18 位统一社会信用代码（GB 32100-2015，末位为校验码）",
      ],
      ["name", "企业名称过长：最多 100 个字符"],
      [
        "industry",
        expect.stringMatching(/^所属行业格式不正确：应为行业名称或编号，如 危险化学品、燃气/),
      ],
    ]);
  });

  it("words every issue of a broken risk-source row without validator text", () => {
    const errors = errorsOf(RISK_SOURCE_COLUMNS, RiskSourceCreateInputSchema, {
      可能导致的事故类型: "雷击",
      "经度（WGS-84）": "121.47",
      "纬度（WGS-84）": "31.23",
      责任人电话: "abc",
      风险源名称: "",
    });

    expect(errors.map((e) => e.path).sort()).toEqual(
      ["accidentTypes", "lon", "name", "responsiblePhone"].sort(),
    );
    for (const { message } of errors) {
      expect(message.zh).not.toMatch(/期望|无效输入|\/\^|正则/);
      expect(message.en).not.toMatch(/expected string|Invalid input|\/\^/);
    }
  });

  it("explains a standardization grade and date", () => {
    const errors = errorsOf(STANDARDIZATION_COLUMNS, StandardizationRowSchema, {
      标准化等级: "四级",
      有效期至: "2027/12/31",
    });

    expect(errors.map((e) => e.message.zh)).toEqual([
      "标准化等级格式不正确：应为 一级、二级 或 三级",
      "有效期至格式不正确：应为日期，格式 YYYY-MM-DD（如 2027-12-31）",
    ]);
  });
});
