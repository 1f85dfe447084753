import { describe, expect, it } from "vitest";
import { apiFilters, filtersFromSearch, searchFromFilters } from "./filter-params.ts";

describe("risk-source list filters", () => {
  it("reads known filters from the URL and ignores unknown review-due values", () => {
    const search = new URLSearchParams("level=general&district=110105&due=soon&x=1");

    expect(filtersFromSearch(search)).toEqual({ level: "general", district: "110105" });
  });

  it("writes only the filters that are set", () => {
    expect(searchFromFilters({ level: "major", due: "30d" }).toString()).toBe(
      "level=major&due=30d",
    );
  });

  it("turns review-due into a reviewDueBefore date relative to now", () => {
    const now = Date.parse("2026-03-01T10:00:00.000Z");

    expect(apiFilters({ industry: "gas", due: "overdue" }, now)).toEqual({
      industry: "gas",
      reviewDueBefore: "2026-03-01T10:00:00.000Z",
    });
    expect(apiFilters({ due: "30d" }, now)).toEqual({ reviewDueBefore: "2026-03-31" });
    expect(apiFilters({ due: "90d" }, now)).toEqual({ reviewDueBefore: "2026-05-30" });
  });
});
