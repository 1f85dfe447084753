import { describe, expect, it } from "vitest";
import { GradingInputError } from "./errors.ts";
import { LEC_DEFAULT } from "./profiles/lec-default.ts";
import { reviewDueAt } from "./review.ts";

describe("reviewDueAt", () => {
  const gradedAt = "2025-01-15T08:30:00.000Z";

  it.each([
    ["major", "2025-02-14T08:30:00.000Z"],
    ["significant", "2025-04-15T08:30:00.000Z"],
    ["general", "2025-07-14T08:30:00.000Z"],
    ["low", "2026-01-15T08:30:00.000Z"],
  ] as const)("adds the %s cadence of domain.md §4", (level, due) => {
    expect(reviewDueAt(level, gradedAt, LEC_DEFAULT)).toBe(due);
  });

  it("accepts a Date and a profile's own cadence", () => {
    const profile = { reviewCadenceDays: { major: 7, significant: 30, general: 60, low: 90 } };
    expect(reviewDueAt("major", new Date(gradedAt), profile)).toBe("2025-01-22T08:30:00.000Z");
  });

  it("rejects an invalid date", () => {
    expect(() => reviewDueAt("low", "not a date", LEC_DEFAULT)).toThrow(GradingInputError);
  });
});
