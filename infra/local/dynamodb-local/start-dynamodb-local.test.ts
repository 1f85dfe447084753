import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startDynamoDbLocal } from "./start-dynamodb-local.ts";

const groupOf = (pid: number) =>
  execFileSync("ps", ["-o", "pgid=", "-p", String(pid)], { encoding: "utf8" }).trim();

describe("DynamoDB Local process", () => {
  // Ctrl-C in a terminal signals the foreground process group: were DynamoDB Local in ours, it
  // would die before the stack's handlers finished and their checkpoints were saved.
  it("runs in a process group of its own, so a terminal's Ctrl-C reaches only the stack", async () => {
    const local = await startDynamoDbLocal({ inMemory: true });
    try {
      expect(local.pid).toBeDefined();
      expect(groupOf(local.pid ?? 0)).toBe(String(local.pid));
      expect(groupOf(local.pid ?? 0)).not.toBe(groupOf(process.pid));
    } finally {
      await local.stop();
    }
  });
});
