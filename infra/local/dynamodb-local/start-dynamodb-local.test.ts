import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { startDynamoDbLocal } from "./start-dynamodb-local.ts";

describe("DynamoDB Local process", () => {
  // Ctrl-C in a terminal signals the whole foreground process group: DynamoDB Local must still
  // answer while the stack's handlers finish and their checkpoints are saved.
  it("ignores a terminal's SIGINT and answers on, until the stack stops it", async () => {
    const local = await startDynamoDbLocal({ inMemory: true });
    const client = new DynamoDBClient({
      endpoint: local.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    try {
      process.kill(local.pid ?? 0, "SIGINT");
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await expect(client.send(new ListTablesCommand({}))).resolves.toBeDefined();
    } finally {
      client.destroy();
      await local.stop();
    }
  });
});
