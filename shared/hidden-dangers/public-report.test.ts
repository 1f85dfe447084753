import { describe, expect, it } from "vitest";
import {
  acceptPublicReport,
  PublicReportInputSchema,
  PublicReportModeratedError,
  publicReportFor,
  receivePublicReport,
  rejectPublicReport,
} from "./public-report.ts";

const NOW = new Date("2026-12-05T02:00:00.000Z");
const context = {
  id: "t-gas~01PR",
  tenantId: "t-gas",
  riskSourceId: "t-gas~01SRC",
  riskSourceName: "加油区",
  place: { district: "110105", street: "建外街道", industry: "gas" },
} as const;

describe("public hidden-danger reports", () => {
  const input = PublicReportInputSchema.parse({
    title: " 有人吸烟 ",
    description: "加油机旁",
    contact: "13900139000",
  });
  const pending = receivePublicReport(input, context, NOW);

  it("is received pending, trimmed, counting nowhere yet", () => {
    expect(pending).toMatchObject({ status: "pending", title: "有人吸烟", hiddenDangerId: null });
  });

  it("refuses unknown fields and empty titles", () => {
    expect(PublicReportInputSchema.safeParse({ title: "", description: "x" }).success).toBe(false);
    expect(
      PublicReportInputSchema.safeParse({ title: "x", description: "y", tenantId: "t" }).success,
    ).toBe(false);
  });

  it("is moderated once: accepted names its danger, rejected keeps the reason", () => {
    const accepted = acceptPublicReport(pending, "t-gas~01HD", "u-official", NOW);
    expect(accepted).toMatchObject({
      status: "accepted",
      hiddenDangerId: "t-gas~01HD",
      version: 2,
    });
    expect(() => rejectPublicReport(accepted, "重复", "u-official", NOW)).toThrow(
      PublicReportModeratedError,
    );
    const rejected = rejectPublicReport(pending, "无此情况", "u-official", NOW);
    expect(rejected).toMatchObject({ status: "rejected", rejectReason: "无此情况" });
  });

  it("shows the contact to officials only", () => {
    expect(publicReportFor(pending, true).contact).toBe("13900139000");
    expect(publicReportFor(pending, false).contact).toBeNull();
  });
});
