import type { Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { invocationMemo } from "./invocation-memo.ts";

const context = () => ({ awsRequestId: crypto.randomUUID() }) as Context;

describe("invocationMemo", () => {
  it("reads once per invocation and key, again in the next invocation", async () => {
    const memo = invocationMemo<number>();
    let reads = 0;
    const read = async () => ++reads;
    const first = context();
    expect(await memo(first, "t-1", read)).toBe(1);
    expect(await memo(first, "t-1", read)).toBe(1);
    expect(await memo(first, "t-2", read)).toBe(2);
    expect(await memo(context(), "t-1", read)).toBe(3);
    expect(await memo(undefined, "t-1", read)).toBe(4);
  });

  it("forgets a failed read, so the batch's next record reads again", async () => {
    const memo = invocationMemo<string>();
    const one = context();
    await expect(memo(one, "t", () => Promise.reject(new Error("throttled")))).rejects.toThrow();
    expect(await memo(one, "t", async () => "users")).toBe("users");
  });
});
