import * as z from "zod";
import { LOCATION_RULE, PHONE_RULE } from "../risk/common.ts";
import { StandardizationSchema } from "../risk/enterprise.ts";
import { USCC_RULE, UsccSchema } from "../risk/uscc.ts";
import { districts, industries } from "./catalog-cells.ts";
import { DISTRICT_RULE, INDUSTRY_RULE } from "./column-rules.ts";
import { type ColumnSpec, numberOrText, optionalText, textCell } from "./columns.ts";

const text = (key: string, label: string, path: readonly string[], example: string) =>
  ({ key, label, path, parse: optionalText, format: textCell, example }) satisfies ColumnSpec;

const USCC = {
  ...text("uscc", "统一社会信用代码", ["uscc"], "91110105MA01ABCD39"),
  rule: USCC_RULE,
};

/**
 * Columns of a census extract (安全生产条件普查): enterprise base data matched by unified
 * social credit code; `EnterpriseCreateInputSchema` validates what they build.
 */
export const CENSUS_COLUMNS: readonly ColumnSpec[] = [
  USCC,
  text("name", "企业名称", ["name"], "北京示例加油站有限公司"),
  {
    key: "industry",
    label: "所属行业",
    path: ["industry"],
    parse: industries.id,
    format: industries.name,
    example: "燃气",
    rule: INDUSTRY_RULE,
  },
  {
    key: "district",
    label: "所在区",
    path: ["district"],
    parse: districts.id,
    format: districts.name,
    example: "朝阳区",
    rule: DISTRICT_RULE,
  },
  text("street", "街道/乡镇", ["street"], "建外街道"),
  text("address", "地址", ["address"], "北京市朝阳区建国路 1 号"),
  {
    key: "lon",
    label: "经度（WGS-84）",
    path: ["location", "lon"],
    parse: numberOrText,
    format: textCell,
    example: "116.46",
    rule: LOCATION_RULE,
  },
  {
    key: "lat",
    label: "纬度（WGS-84）",
    path: ["location", "lat"],
    parse: numberOrText,
    format: textCell,
    example: "39.92",
    rule: LOCATION_RULE,
  },
  text("principalName", "主要负责人", ["principal", "name"], "张三"),
  {
    ...text("principalPhone", "主要负责人电话", ["principal", "phone"], "13800138000"),
    rule: PHONE_RULE,
  },
  text("safetyContactName", "安全管理联系人", ["safetyContact", "name"], "李四"),
  {
    ...text("safetyContactPhone", "安全管理联系人电话", ["safetyContact", "phone"], "13900139000"),
    rule: PHONE_RULE,
  },
];

const GRADES: Readonly<Record<string, 1 | 2 | 3>> = {
  一级: 1,
  二级: 2,
  三级: 3,
  "1": 1,
  "2": 2,
  "3": 3,
};
const GRADE_NAMES = ["", "一级", "二级", "三级"];

/** Columns of a standardization export (安全生产标准化): grade, certificate and its expiry. */
export const STANDARDIZATION_COLUMNS: readonly ColumnSpec[] = [
  USCC,
  {
    key: "grade",
    label: "标准化等级",
    path: ["standardization", "grade"],
    parse: (t) => {
      const trimmed = t.trim();
      return trimmed === "" ? undefined : (GRADES[trimmed] ?? trimmed);
    },
    format: (v) => (typeof v === "number" ? (GRADE_NAMES[v] ?? null) : null),
    example: "二级",
    rule: { zh: "应为 一级、二级 或 三级", en: "expected 一级, 二级 or 三级 (grade 1, 2 or 3)" },
  },
  text("certificateNo", "证书编号", ["standardization", "certificateNo"], "京AQBMH II 202400123"),
  {
    ...text("expiresAt", "有效期至", ["standardization", "expiresAt"], "2027-12-31"),
    rule: {
      zh: "应为日期，格式 YYYY-MM-DD（如 2027-12-31）",
      en: "expected a date as YYYY-MM-DD (e.g. 2027-12-31)",
    },
  },
];

/** What a standardization row must hold: the credit code and the certificate it records. */
export const StandardizationRowSchema = z.strictObject({
  uscc: UsccSchema,
  standardization: StandardizationSchema,
});
