import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import { mainTable } from "../../../functions/platform/storage-definitions.ts";
import { ensureBucket } from "../../../infra/local/bootstrap/ensure-bucket.ts";
import { ensureTable } from "../../../infra/local/bootstrap/ensure-table.ts";
import { resolveDynamoDbLocalJar } from "../../../infra/local/dynamodb-local/jar-location.ts";
import { parseJavaMajorVersion } from "../../../infra/local/dynamodb-local/java-version.ts";
import { startDynamoDbLocal } from "../../../infra/local/dynamodb-local/start-dynamodb-local.ts";
import { startAwsEmulators } from "../../../infra/local/emulators/start-aws-emulators.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../../infra/local/runners/local-account.ts";

const clientConfig = (endpoint: string) => ({
  endpoint,
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
});

describe("local stack data across restarts", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "cityrisk-data-"));
    dirs.push(dir);
    return dir;
  };

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps S3 objects (body, content type, metadata, etag) in dataDir", async () => {
    const dir = dataDir();
    const key = "t1/通知卡/card 1.json";
    const first = await startAwsEmulators({ dataDir: dir });
    const s3 = new S3Client({ ...clientConfig(first.endpoint), forcePathStyle: true });
    await ensureBucket(s3, "documents");
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: "documents",
        Key: key,
        Body: '{"ok":true}',
        ContentType: "application/json",
        Metadata: { tenant: "t1" },
      }),
    );
    s3.destroy();
    await first.stop();

    const second = await startAwsEmulators({ dataDir: dir });
    const again = new S3Client({ ...clientConfig(second.endpoint), forcePathStyle: true });
    try {
      const got = await again.send(new GetObjectCommand({ Bucket: "documents", Key: key }));
      expect({
        body: await got.Body?.transformToString(),
        contentType: got.ContentType,
        metadata: got.Metadata,
        etag: got.ETag,
      }).toEqual({
        body: '{"ok":true}',
        contentType: "application/json",
        metadata: { tenant: "t1" },
        etag: put.ETag,
      });
    } finally {
      again.destroy();
      await second.stop();
    }
  });

  it("keeps DynamoDB items in dataDir", async () => {
    const dir = dataDir();
    const first = await startDynamoDbLocal({ dataDir: dir });
    const client = new DynamoDBClient(clientConfig(first.endpoint));
    await ensureTable(client, "local-main", mainTable);
    await client.send(
      new PutItemCommand({ TableName: "local-main", Item: { pk: { S: "p" }, sk: { S: "s" } } }),
    );
    client.destroy();
    await first.stop();

    const second = await startDynamoDbLocal({ dataDir: dir });
    const again = new DynamoDBClient(clientConfig(second.endpoint));
    try {
      const { Item } = await again.send(
        new GetItemCommand({ TableName: "local-main", Key: { pk: { S: "p" }, sk: { S: "s" } } }),
      );
      expect(Item).toEqual({ pk: { S: "p" }, sk: { S: "s" } });
    } finally {
      again.destroy();
      await second.stop();
    }
  });
});

describe("DynamoDB Local prerequisites", () => {
  it("reads Java's major version from `java -version` output", () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajorVersion("no java here")).toBeUndefined();
  });

  it("explains how to get the jar when it is missing", () => {
    expect(() => resolveDynamoDbLocalJar("/nonexistent")).toThrow("Run `npm install`");
  });
});
