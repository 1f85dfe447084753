import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates.ts";

describe("times on screen are the city's (Asia/Shanghai), whatever the browser's zone", () => {
  it("shows 16:30 UTC as the next day's 00:30", () => {
    expect(formatDateTime("2026-03-01T16:30:00Z")).toBe("2026-03-02 00:30");
    expect(formatDate("2026-03-01T16:30:00Z")).toBe("2026-03-02");
  });

  it("shows midnight as 00, not 24, and leaves non-dates alone", () => {
    expect(formatDateTime("2026-03-01T16:00:00Z")).toBe("2026-03-02 00:00");
    expect(formatDateTime("not a date")).toBe("not a date");
    expect(formatDate(null)).toBe("—");
  });
});
