import { LOCATION_RULE, PHONE_RULE } from "../risk/common.ts";
import { accidentTypes, districts, hazardFactors, industries } from "./catalog-cells.ts";
import {
  ACCIDENT_TYPES_RULE,
  DISTRICT_RULE,
  HAZARD_FACTORS_RULE,
  INDUSTRY_RULE,
} from "./column-rules.ts";
import {
  type ColumnSpec,
  EXAMPLE_MARK,
  listCell,
  numberOrText,
  optionalText,
  splitList,
  textCell,
} from "./columns.ts";

const text = (key: string, label: string, path: readonly string[], example: string) =>
  ({ key, label, path, parse: optionalText, format: textCell, example }) satisfies ColumnSpec;

const list = (key: string, label: string, path: readonly string[], example: string) =>
  ({ key, label, path, parse: splitList, format: listCell, example }) satisfies ColumnSpec;

/**
 * The columns of a risk-source sheet, in template order: the import template, the import
 * parser (`RiskSourceCreateInputSchema` validates what they build) and the export all use
 * this one list.
 */
export const RISK_SOURCE_COLUMNS: readonly ColumnSpec[] = [
  text("name", "风险源名称", ["name"], `${EXAMPLE_MARK}加油区（加油机）`),
  text("place", "场所/部位", ["place"], "加油区"),
  text("description", "风险源描述", ["description"], "汽油、柴油加注作业"),
  {
    key: "industry",
    label: "所属行业",
    path: ["industry"],
    parse: industries.id,
    format: textCell,
    example: "gas",
    rule: INDUSTRY_RULE,
  },
  {
    key: "accidentTypes",
    label: "可能导致的事故类型",
    path: ["accidentTypes"],
    parse: accidentTypes.ids,
    format: accidentTypes.names,
    example: "火灾；其他爆炸",
    rule: ACCIDENT_TYPES_RULE,
  },
  {
    key: "hazardFactors",
    label: "危险有害因素",
    path: ["hazardFactors"],
    parse: hazardFactors.ids,
    format: hazardFactors.names,
    example: "物的因素；管理因素",
    rule: HAZARD_FACTORS_RULE,
  },
  {
    key: "lon",
    label: "经度（WGS-84）",
    path: ["location", "lon"],
    parse: numberOrText,
    format: textCell,
    example: "116.47",
    rule: LOCATION_RULE,
  },
  {
    key: "lat",
    label: "纬度（WGS-84）",
    path: ["location", "lat"],
    parse: numberOrText,
    format: textCell,
    example: "39.91",
    rule: LOCATION_RULE,
  },
  list("engineeringControls", "工程技术措施", ["controls", "engineering"], "油气回收系统"),
  list("managementControls", "管理措施", ["controls", "management"], "加油作业规程；每日巡检"),
  list("emergencyControls", "应急处置措施", ["controls", "emergency"], "灭火器 8 具"),
  text("responsiblePost", "责任岗位", ["responsiblePost"], "站长"),
  text("responsiblePerson", "责任人", ["responsiblePerson", "name"], "王五"),
  {
    ...text("responsiblePhone", "责任人电话", ["responsiblePerson", "phone"], "13700137000"),
    rule: PHONE_RULE,
  },
  {
    key: "district",
    label: "监管区（区划代码）",
    path: ["supervision", "district"],
    parse: districts.id,
    format: textCell,
    example: "110105",
    rule: DISTRICT_RULE,
  },
  text("street", "监管街道/乡镇", ["supervision", "street"], "建外街道"),
  text(
    "industryDepartment",
    "行业主管部门",
    ["supervision", "industryDepartment"],
    "区城市管理委员会",
  ),
  text("identificationItemId", "辨识清单条目编号", ["identificationItemId"], ""),
];
