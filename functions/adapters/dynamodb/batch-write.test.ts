import { describe, expect, it } from "vitest";
import { batchWrite } from "./batch-write.ts";

// The rounds' bookkeeping alone; the writes themselves are exercised against DynamoDB Local by
// the audit and indicator-removal tests.
describe("batchWrite", () => {
  it("writes again only what was left unprocessed, until nothing is", async () => {
    const calls: string[][] = [];
    let leaveOut = 2;
    await batchWrite(
      "records",
      ["a", "b", "c"],
      async (batch) => {
        calls.push(batch);
        // Leaves the last records unprocessed, one fewer each round.
        const unprocessed = batch.slice(batch.length - leaveOut).map((id) => ({ id }));
        leaveOut = Math.max(0, leaveOut - 1);
        return { unprocessed };
      },
      (record) => (typeof record === "string" ? record : record.id),
    );
    expect(calls).toEqual([["a", "b", "c"], ["b", "c"], ["c"]]);
  });

  it("fails naming what could not be written when DynamoDB keeps leaving it", async () => {
    const write = async (batch: string[]) => ({ unprocessed: batch.slice(0, 1) });
    await expect(batchWrite("indicators", ["a", "b"], write, (k) => k)).rejects.toThrow(
      "1 indicators could not be written",
    );
  });
});
