import { describe, expect, it } from "vitest";
import { getIdentificationItem } from "../../../../shared/catalogs/identification-lists/index.ts";
import { RiskSourceCreateInputSchema } from "../../../../shared/risk/risk-source.ts";
import { changedFieldNames, fieldErrorsFromApi, validateWith } from "./field-errors.ts";
import { toRiskSourceInput, valuesFromItem } from "./form-values.ts";

const enterprise = {
  id: "t-1",
  tenantId: "t-1",
  version: 1,
  createdAt: "2026-01-05T08:00:00.000Z",
  updatedAt: "2026-01-05T08:00:00.000Z",
  uscc: "91110105MA01ABCD39",
  name: "北京朝阳示范加油站有限公司",
  industry: "hazardous-chemicals",
  district: "110105",
  street: "建外街道",
  address: "北京市朝阳区测试路 1 号",
  location: { lon: 116.46, lat: 39.92 },
  principal: { name: "张三", phone: "13800138000" },
  safetyContact: { name: "李四", phone: "13900139000" },
} as const;

const item = getIdentificationItem("gs-forecourt-traffic")?.item;
if (!item) throw new Error("fixture item missing");

describe("risk-source form", () => {
  it("pre-fills from a list item and the enterprise, missing only what neither knows", () => {
    const values = valuesFromItem(item, enterprise);

    const result = validateWith(
      RiskSourceCreateInputSchema,
      toRiskSourceInput(values),
      "zh-CN",
      "此项必填",
    );

    expect(result).toEqual({
      ok: false,
      general: [],
      fields: [
        { name: ["responsiblePost"], errors: ["此项必填"] },
        { name: ["supervision", "industryDepartment"], errors: ["此项必填"] },
      ],
    });
  });

  it("passes the schema once completed, with controls split per line", () => {
    const values = {
      ...valuesFromItem(item, enterprise),
      responsiblePost: "站长",
      supervision: { district: "110105", street: "建外街道", industryDepartment: "区城管委" },
    };

    const result = validateWith(
      RiskSourceCreateInputSchema,
      toRiskSourceInput(values),
      "en",
      "Required",
    );

    expect(result.ok && result.data.controls.engineering).toEqual([
      "限速及导向标志",
      "防撞柱与加油岛护栏",
    ]);
    expect(result.ok && result.data.identificationItemId).toBe("gs-forecourt-traffic");
  });

  it("shows the reader's half of a bilingual schema message on the field", () => {
    const values = {
      ...valuesFromItem(item, enterprise),
      responsiblePost: "站长",
      responsiblePerson: { name: "李四", phone: "12345" },
      supervision: { district: "110105", street: "建外街道", industryDepartment: "区城管委" },
      lon: 121.47,
      lat: 31.23,
    };

    const result = validateWith(
      RiskSourceCreateInputSchema,
      toRiskSourceInput(values),
      "en",
      "Required",
    );

    expect(result.ok ? [] : result.fields).toEqual([
      { name: ["lon"], errors: ["location outside Beijing (WGS-84)"] },
      { name: ["lat"], errors: ["location outside Beijing (WGS-84)"] },
      {
        name: ["responsiblePerson", "phone"],
        errors: [
          "invalid phone number: expected an 11-digit mobile number or a landline with its area code",
        ],
      },
    ]);
  });

  it("puts the API's field messages on the same fields", () => {
    expect(
      fieldErrorsFromApi([
        { path: "body.supervision.street", message: "太短" },
        { path: "body.accidentTypes.0", message: "未知" },
      ]),
    ).toEqual([
      { name: ["supervision", "street"], errors: ["太短"] },
      { name: ["accidentTypes"], errors: ["未知"] },
    ]);
  });

  it("names the leaf fields of a change", () => {
    expect(
      changedFieldNames({ name: "x", supervision: { street: "y" }, accidentTypes: [] }),
    ).toEqual([["name"], ["supervision", "street"], ["accidentTypes"]]);
  });
});
