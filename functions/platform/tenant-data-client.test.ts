import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ExecuteStatementCommand,
  GetItemCommand,
  QueryCommand as LowLevelQueryCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshTable } from "../../test/support/fresh-table.ts";
import { localAws } from "../../test/support/local-aws.ts";
import { createTenantDataClient, tenantDataClient } from "./tenant-data-client.ts";
import { TenantIsolationError } from "./tenant-partition-guard.ts";

const OWN = "t-gas-station";
const OTHER = "t-mall";

describe("tenantDataClient against DynamoDB Local (no IAM: the guard alone)", () => {
  let TableName: string;
  let own: DynamoDBDocumentClient;
  const admin = () => localAws().documents;
  const item = (tenant: string, sk: string) => ({
    pk: `T#${tenant}`,
    sk,
    name: `${tenant} ${sk}`,
    gsi1pk: "DISTRICT#110105",
    gsi1sk: sk,
  });
  const stored = async (tenant: string, sk: string) =>
    (await admin().send(new GetCommand({ TableName, Key: { pk: `T#${tenant}`, sk } }))).Item;

  beforeAll(async () => {
    TableName = (await freshTable("tenant-guard")).tableName;
    own = DynamoDBDocumentClient.from(tenantDataClient(OWN));
    await admin().send(new PutCommand({ TableName, Item: item(OTHER, "RS#1") }));
  });

  it("reads and writes its own partition with every key operation", async () => {
    await own.send(new PutCommand({ TableName, Item: item(OWN, "RS#1") }));
    await own.send(
      new UpdateCommand({
        TableName,
        Key: { pk: `T#${OWN}`, sk: "RS#1" },
        UpdateExpression: "SET #n = :n",
        ExpressionAttributeNames: { "#n": "name" },
        ExpressionAttributeValues: { ":n": "renamed" },
      }),
    );
    await own.send(
      new BatchWriteCommand({
        RequestItems: { [TableName]: [{ PutRequest: { Item: item(OWN, "RS#2") } }] },
      }),
    );
    await own.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: item(OWN, "RS#3") } },
          {
            ConditionCheck: {
              TableName,
              Key: { pk: `T#${OWN}`, sk: "RS#1" },
              ConditionExpression: "attribute_exists(pk)",
            },
          },
        ],
      }),
    );
    const got = await own.send(new GetCommand({ TableName, Key: { pk: `T#${OWN}`, sk: "RS#1" } }));
    const query = await own.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: "#p = :p AND begins_with(sk, :prefix)",
        ExpressionAttributeNames: { "#p": "pk" },
        ExpressionAttributeValues: { ":p": `T#${OWN}`, ":prefix": "RS#" },
      }),
    );
    const batch = await own.send(
      new BatchGetCommand({
        RequestItems: { [TableName]: { Keys: [{ pk: `T#${OWN}`, sk: "RS#2" }] } },
      }),
    );
    const transact = await own.send(
      new TransactGetCommand({
        TransactItems: [{ Get: { TableName, Key: { pk: `T#${OWN}`, sk: "RS#3" } } }],
      }),
    );
    await own.send(new DeleteCommand({ TableName, Key: { pk: `T#${OWN}`, sk: "RS#3" } }));

    expect(got.Item).toEqual({ ...item(OWN, "RS#1"), name: "renamed" });
    expect(query.Items?.map((i) => i.sk)).toEqual(["RS#1", "RS#2", "RS#3"]);
    expect(batch.Responses?.[TableName]).toEqual([item(OWN, "RS#2")]);
    expect(transact.Responses?.map((r) => r.Item)).toEqual([item(OWN, "RS#3")]);
    expect(await stored(OWN, "RS#3")).toBeUndefined();
  });

  it("works with the low-level client and the legacy KeyConditions too", async () => {
    const client = tenantDataClient(OWN);
    await own.send(new PutCommand({ TableName, Item: item(OWN, "RS#9") }));
    const got = await client.send(
      new GetItemCommand({ TableName, Key: { pk: { S: `T#${OWN}` }, sk: { S: "RS#9" } } }),
    );
    const query = await client.send(
      new LowLevelQueryCommand({
        TableName,
        KeyConditions: {
          pk: { ComparisonOperator: "EQ", AttributeValueList: [{ S: `T#${OWN}` }] },
          sk: { ComparisonOperator: "EQ", AttributeValueList: [{ S: "RS#9" }] },
        },
      }),
    );
    expect(got.Item?.sk).toEqual({ S: "RS#9" });
    expect(query.Count).toBe(1);
  });

  it.each<[string, () => unknown]>([
    ["GetItem", () => new GetCommand({ TableName, Key: { pk: `T#${OTHER}`, sk: "RS#1" } })],
    ["PutItem", () => new PutCommand({ TableName, Item: item(OTHER, "RS#1") })],
    [
      "UpdateItem",
      () =>
        new UpdateCommand({
          TableName,
          Key: { pk: `T#${OTHER}`, sk: "RS#1" },
          UpdateExpression: "SET #n = :n",
          ExpressionAttributeNames: { "#n": "name" },
          ExpressionAttributeValues: { ":n": "stolen" },
        }),
    ],
    ["DeleteItem", () => new DeleteCommand({ TableName, Key: { pk: `T#${OTHER}`, sk: "RS#1" } })],
    [
      "Query (pk = :pk)",
      () =>
        new QueryCommand({
          TableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": `T#${OTHER}` },
        }),
    ],
    [
      "Query (:pk = #name, reversed)",
      () =>
        new QueryCommand({
          TableName,
          KeyConditionExpression: "(:v = #k) AND sk > :s",
          ExpressionAttributeNames: { "#k": "pk" },
          ExpressionAttributeValues: { ":v": `T#${OTHER}`, ":s": "A" },
        }),
    ],
    [
      "Query (a prefix of the tenant's partition)",
      () =>
        new QueryCommand({
          TableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": "T#t-gas" },
        }),
    ],
    [
      "BatchGetItem",
      () =>
        new BatchGetCommand({
          RequestItems: {
            [TableName]: {
              Keys: [
                { pk: `T#${OWN}`, sk: "RS#1" },
                { pk: `T#${OTHER}`, sk: "RS#1" },
              ],
            },
          },
        }),
    ],
    [
      "BatchWriteItem",
      () =>
        new BatchWriteCommand({
          RequestItems: {
            [TableName]: [{ DeleteRequest: { Key: { pk: `T#${OTHER}`, sk: "RS#1" } } }],
          },
        }),
    ],
    [
      "TransactWriteItems (one foreign item among own ones)",
      () =>
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: item(OWN, "RS#7") } },
            {
              Update: {
                TableName,
                Key: { pk: `T#${OTHER}`, sk: "RS#1" },
                UpdateExpression: "SET #n = :n",
                ExpressionAttributeNames: { "#n": "name" },
                ExpressionAttributeValues: { ":n": "stolen" },
              },
            },
          ],
        }),
    ],
    [
      "TransactGetItems",
      () =>
        new TransactGetCommand({
          TransactItems: [{ Get: { TableName, Key: { pk: `T#${OTHER}`, sk: "RS#1" } } }],
        }),
    ],
  ])("refuses %s on another tenant's partition before sending it", async (_, command) => {
    await expect(own.send(command() as never)).rejects.toThrow(TenantIsolationError);
    expect(await stored(OTHER, "RS#1")).toEqual(item(OTHER, "RS#1"));
    expect(await stored(OWN, "RS#7")).toBeUndefined();
  });

  it("refuses queries on a secondary index, even with values of its own", async () => {
    await expect(
      own.send(
        new QueryCommand({
          TableName,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :d",
          ExpressionAttributeValues: { ":d": "DISTRICT#110105" },
        }),
      ),
    ).rejects.toThrow(
      new TenantIsolationError(
        OWN,
        "Query",
        "queries on secondary index gsi1 are not tenant-scoped",
      ),
    );
  });

  it("refuses operations that name no partition: Scan and PartiQL", async () => {
    const client = tenantDataClient(OWN);
    await expect(client.send(new ScanCommand({ TableName }))).rejects.toThrow(
      new TenantIsolationError(OWN, "Scan", "Scan is not a tenant data operation"),
    );
    await expect(
      client.send(
        new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TableName}" WHERE pk = 'T#x'` }),
      ),
    ).rejects.toThrow(TenantIsolationError);
  });

  it("keeps one client per tenant", () => {
    expect(tenantDataClient(OWN)).toBe(tenantDataClient(OWN));
    expect(tenantDataClient(OTHER)).not.toBe(tenantDataClient(OWN));
  });
});

describe("createTenantDataClient with the tenant data role (the AWS path)", () => {
  const assumeRequests: URLSearchParams[] = [];
  let sts: Server;
  let previousEndpoint: string | undefined;

  // A stand-in for STS: the SDK reaches it through AWS_ENDPOINT_URL_STS like any other endpoint.
  beforeAll(async () => {
    sts = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        assumeRequests.push(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
        res.writeHead(200, { "content-type": "text/xml" });
        res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>ASIATENANTSESSION</AccessKeyId>
      <SecretAccessKey>tenant-secret</SecretAccessKey>
      <SessionToken>tenant-session-token</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::000000000000:assumed-role/tenant-data/tenant-${OWN}</Arn>
      <AssumedRoleId>AROATENANTDATA:tenant-${OWN}</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>local</RequestId></ResponseMetadata>
</AssumeRoleResponse>`);
      });
    });
    await new Promise<void>((resolve) => sts.listen(0, "127.0.0.1", resolve));
    previousEndpoint = process.env.AWS_ENDPOINT_URL_STS;
    process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (previousEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = previousEndpoint;
    await new Promise<void>((resolve) => sts.close(() => resolve()));
  });

  it("assumes the role with the tenant as session tag and keeps the guard", async () => {
    const roleArn = "arn:aws:iam::000000000000:role/tenant-data";
    const client = createTenantDataClient(OWN, { region: "us-east-1", roleArn });

    const credentials = await client.config.credentials();
    await expect(
      client.send(
        new GetItemCommand({
          TableName: "any",
          Key: { pk: { S: `T#${OTHER}` }, sk: { S: "RS#1" } },
        }),
      ),
    ).rejects.toThrow(TenantIsolationError);

    expect(credentials).toMatchObject({
      accessKeyId: "ASIATENANTSESSION",
      sessionToken: "tenant-session-token",
    });
    expect(assumeRequests).toHaveLength(1);
    expect(Object.fromEntries(assumeRequests[0] ?? [])).toMatchObject({
      Action: "AssumeRole",
      RoleArn: roleArn,
      RoleSessionName: `tenant-${OWN}`,
      "Tags.member.1.Key": "tenantId",
      "Tags.member.1.Value": OWN,
    });
  });
});
