import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { toCronerPattern } from "../../../events/schedules.ts";

describe("toCronerPattern", () => {
  it.each([
    ["cron(* * * * ? *)", "* * * * *"],
    ["cron(0 2 * * ? *)", "0 2 * * *"],
    ["cron(0 9 ? * 2-6 *)", "0 9 * * 1-5"],
    ["cron(0 8 ? * 1,7 *)", "0 8 * * 0,6"],
    ["cron(15 10 ? * MON-FRI *)", "15 10 * * MON-FRI"],
    ["cron(0/15 * 1 * ? *)", "0/15 * 1 * *"],
    ["cron(0 9 ? * 6#3 *)", "0 9 * * 5#3"],
    ["cron(0 9 ? * FRI#3 *)", "0 9 * * FRI#3"],
    ["cron(0 9 ? * 6L *)", "0 9 * * 5#L"],
  ])("%s → %s", (expression, pattern) => {
    expect(toCronerPattern(expression)).toBe(pattern);
  });

  it("rejects what is not a six-field cron()", () => {
    expect(() => toCronerPattern("rate(5 minutes)")).toThrow("not an EventBridge cron expression");
    expect(() => toCronerPattern("cron(0 2 * * ?)")).toThrow("cron needs 6 fields");
  });

  it("fires weekdays-only schedules on the same instants as EventBridge (Mon–Fri 09:00 Beijing)", () => {
    const job = new Cron(toCronerPattern("cron(0 9 ? * 2-6 *)"), {
      timezone: "Asia/Shanghai",
      paused: true,
    });
    const saturday = new Date("2025-01-04T00:00:00Z");
    expect(job.nextRuns(2, saturday).map((d) => d.toISOString())).toEqual([
      "2025-01-06T01:00:00.000Z",
      "2025-01-07T01:00:00.000Z",
    ]);
    job.stop();
  });
});
