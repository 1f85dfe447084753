import { describe, expect, it } from "vitest";
import { ERROR_STATUS, type ErrorCode, statusOf, ValidationError } from "./errors.ts";

describe("the error table", () => {
  it("answers every code with a client error or 503, never a 500", () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).not.toBe(500);
    }
  });

  it("maps the families as the API documents them", () => {
    expect(statusOf("request.invalid")).toBe(400);
    expect(statusOf("user.notFound")).toBe(404);
    expect(statusOf("resource.preconditionFailed")).toBe(412);
    expect(statusOf("platform.unavailable")).toBe(503);
    expect(statusOf(new ValidationError({ zh: "无效", en: "invalid" }).code)).toBe(400);
  });

  it("refuses an unknown code at compile time", () => {
    // @ts-expect-error a code missing from ERROR_STATUS does not compile
    const unknown: ErrorCode = "riskSource.exploded";
    expect(ERROR_STATUS[unknown]).toBeUndefined();
  });
});
