import { GetItemCommand, ListTablesCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { dynamodb as productClient } from "../../../functions/platform/clients.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { restartWorkerDynamoDb, workerDynamoDbEndpoint } from "../../support/worker-dynamodb.ts";

// The worker's DynamoDB Local is replaced between files (test/support/worker-dynamodb.ts); the
// SDK clients the worker built before — the tests' own and the functions' module-level one,
// which keep their endpoint — must reach the new process as they reached the old one.
describe("the worker's DynamoDB Local started again", () => {
  it("keeps its endpoint, forgets its tables, and serves clients built before", async () => {
    const { dynamodb } = localAws();
    const before = workerDynamoDbEndpoint();
    const table = await freshTable("worker-restart");
    const key = { pk: { S: "p" }, sk: { S: "s" } };
    await dynamodb.send(new PutItemCommand({ TableName: table.tableName, Item: key }));
    const listed = await productClient.send(new ListTablesCommand({}));
    expect(listed.TableNames).toContain(table.tableName);

    await restartWorkerDynamoDb();

    expect(workerDynamoDbEndpoint()).toBe(before);
    const after = await productClient.send(new ListTablesCommand({}));
    expect(after.TableNames ?? []).not.toContain(table.tableName);
    const again = await freshTable("worker-restart");
    await dynamodb.send(new PutItemCommand({ TableName: again.tableName, Item: key }));
    const read = await productClient.send(
      new GetItemCommand({ TableName: again.tableName, Key: key }),
    );
    expect(read.Item).toEqual(key);
  });
});
