import type { Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { runningOutOfTime } from "./time-left.ts";

describe("runningOutOfTime", () => {
  const withLeft = (ms: number) => ({ getRemainingTimeInMillis: () => ms }) as Context;

  it("says so once less than the margin is left", () => {
    expect(runningOutOfTime(withLeft(20_000), 15_000)()).toBe(false);
    expect(runningOutOfTime(withLeft(14_999), 15_000)()).toBe(true);
  });

  it("never runs out without a clock (a direct call)", () => {
    expect(runningOutOfTime(undefined, 15_000)()).toBe(false);
    expect(runningOutOfTime({} as Context, 15_000)()).toBe(false);
  });
});
