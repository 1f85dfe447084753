import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { freePort } from "../../infra/local/dynamodb-local/free-port.ts";
import { checkHealth, checkOf, healthStatusCode } from "./health.ts";

const timing = { slowAfterMs: 100, boundMs: 300 };
const credentials = { accessKeyId: "local", secretAccessKey: "local" };

// A slow dependency and a failing one must not read the same: one still serves, the other not.
describe("health checks", () => {
  it("reads a prompt answer as ok, a late one or none within the bound as slow", async () => {
    expect(await checkOf(async () => {}, timing)).toBe("ok");
    expect(await checkOf(() => sleep(150), timing)).toBe("slow");
    // No answer: the check honours the bound's signal, as the SDK does.
    const hung = (signal: AbortSignal) =>
      new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    expect(await checkOf(hung, timing)).toBe("slow");
  });

  it("reads an answer of no as error, however fast", async () => {
    expect(await checkOf(() => Promise.reject(new Error("ResourceNotFound")), timing)).toBe(
      "error",
    );
  });

  it("reads a refused connection as error: the stack answers 503's body", async () => {
    // Nothing listens on a port just found free: both SDK calls are refused at once.
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const health = await checkHealth({
      dynamodb: new DynamoDBClient({
        region: "cn-north-1",
        endpoint,
        credentials,
        maxAttempts: 1,
      }),
      s3: new S3Client({
        region: "cn-north-1",
        endpoint,
        credentials,
        maxAttempts: 1,
        forcePathStyle: true,
      }),
      tableName: "cityrisk-none",
      bucketName: "cityrisk-none",
    });
    expect(health).toEqual({ status: "degraded", checks: { dynamodb: "error", s3: "error" } });
    expect(healthStatusCode(health)).toBe(503);
  });

  it("answers 200 while a dependency is only slow, and 503 once one errs", () => {
    expect(healthStatusCode({ status: "ok", checks: { dynamodb: "ok", s3: "ok" } })).toBe(200);
    expect(healthStatusCode({ status: "degraded", checks: { dynamodb: "slow", s3: "ok" } })).toBe(
      200,
    );
    expect(
      healthStatusCode({ status: "degraded", checks: { dynamodb: "slow", s3: "error" } }),
    ).toBe(503);
  });
});
