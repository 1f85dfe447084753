import { describe, expect, it } from "vitest";
import { RiskSourceCreateInputSchema } from "../risk/risk-source.ts";
import { cellsOf, columnOfPath, recordOfRow, resolveHeaders } from "./columns.ts";
import { RISK_SOURCE_COLUMNS } from "./risk-source-columns.ts";

describe("risk-source columns", () => {
  const example = Object.fromEntries(
    RISK_SOURCE_COLUMNS.map((c) => [c.label, c.example.replace("【示例】", "")]),
  );

  it("build a valid input from the template's example row, names mapped to catalog ids", () => {
    const mapped = resolveHeaders(RISK_SOURCE_COLUMNS, Object.keys(example));

    const parsed = RiskSourceCreateInputSchema.parse(recordOfRow(mapped, example));

    expect(parsed).toMatchObject({
      name: "加油区（加油机）",
      industry: "gas",
      accidentTypes: ["fire", "other-explosion"],
      hazardFactors: ["material", "management"],
      location: { lon: 116.47, lat: 39.91 },
      controls: { management: ["加油作业规程", "每日巡检"] },
      supervision: { district: "110105", street: "建外街道" },
    });
    expect(parsed.identificationItemId).toBeUndefined();
  });

  it("write back the cells they read (export = import columns)", () => {
    const mapped = resolveHeaders(RISK_SOURCE_COLUMNS, Object.keys(example));
    const input = RiskSourceCreateInputSchema.parse(recordOfRow(mapped, example));

    const cells = cellsOf(RISK_SOURCE_COLUMNS, input);

    expect(cells).toMatchObject({
      accidentTypes: "火灾；其他爆炸",
      lon: 116.47,
      responsiblePhone: "13700137000",
    });
  });

  it("accept English keys as headers and point issue paths at their column", () => {
    expect(resolveHeaders(RISK_SOURCE_COLUMNS, ["NAME", "lat"]).size).toBe(2);
    expect(columnOfPath(RISK_SOURCE_COLUMNS, "responsiblePerson.phone")?.key).toBe(
      "responsiblePhone",
    );
    expect(columnOfPath(RISK_SOURCE_COLUMNS, "location")?.key).toBe("lon");
    expect(columnOfPath(RISK_SOURCE_COLUMNS, "accidentTypes.0")?.key).toBe("accidentTypes");
  });
});
