import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import {
  type IndexDefinition,
  keyAttributes,
  type TableDefinition,
} from "../../../functions/platform/storage-definitions.ts";

export interface EnsuredTable {
  tableName: string;
  streamArn: string;
  /** False when the endpoint rejected UpdateTimeToLive (items then never expire locally). */
  ttlEnabled: boolean;
}

/**
 * Creates the table from its shared definition, or brings an existing one up to it (missing GSIs,
 * stream, TTL). Safe to run on every start.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  table: TableDefinition,
): Promise<EnsuredTable> {
  let description = await describe(client, tableName);
  if (!description) {
    await client.send(new CreateTableCommand(createTableInput(tableName, table)));
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
  } else {
    await addMissingIndexes(client, tableName, table, description);
    if (!description.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream },
        }),
      );
    }
  }
  description = await describe(client, tableName);
  const streamArn = description?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream`);
  const ttlEnabled = await ensureTimeToLive(client, tableName, table.ttlAttribute);
  return { tableName, streamArn, ttlEnabled };
}

function createTableInput(tableName: string, table: TableDefinition) {
  const attributeDefinitions: AttributeDefinition[] = keyAttributes(table).map((name) => ({
    AttributeName: name,
    AttributeType: "S",
  }));
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: attributeDefinitions,
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: "HASH" as const },
      { AttributeName: table.sortKey, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: table.globalIndexes.map(globalIndex),
    StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream },
  };
}

function globalIndex(index: IndexDefinition): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: "HASH" },
      { AttributeName: index.sortKey, KeyType: "RANGE" },
    ],
    Projection: { ProjectionType: "ALL" },
  };
}

async function addMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  table: TableDefinition,
  description: TableDescription,
): Promise<void> {
  const existing = new Set((description.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  for (const index of table.globalIndexes.filter((i) => !existing.has(i.name))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: "S",
        })),
        GlobalSecondaryIndexUpdates: [{ Create: globalIndex(index) }],
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
  }
}

async function ensureTimeToLive(
  client: DynamoDBClient,
  tableName: string,
  attribute: string,
): Promise<boolean> {
  try {
    const current = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = current.TimeToLiveDescription?.TimeToLiveStatus;
    if (status === "ENABLED" || status === "ENABLING") return true;
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
    return true;
  } catch {
    return false;
  }
}

async function describe(
  client: DynamoDBClient,
  tableName: string,
): Promise<TableDescription | undefined> {
  try {
    const result = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return result.Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
