import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { ensureTable } from "../../../infra/local/bootstrap/ensure-table.ts";
import { createLambdaContext } from "../../../infra/local/runners/lambda-context.ts";
import { localAws } from "../../../test/support/local-aws.ts";
import { waitFor } from "../../../test/support/wait-for.ts";
import type { FunctionDefinition, HttpRoute } from "../manifest-types.ts";
import { routeKey } from "../manifest-types.ts";
import { mainTable } from "../storage-definitions.ts";
import { type HttpEvent, httpHandler, implement } from "./http-handler.ts";
import { idempotently } from "./idempotency.ts";

// config() is read once per process: the table name is in the environment before modules load.
const tableName = vi.hoisted(() => {
  const name = `idempotency-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  process.env.TABLE_NAME = name;
  return name;
});

const createRoute = {
  method: "POST",
  path: "/api/v1/things",
  access: { roles: ["enterpriseAdmin"] },
  summary: "Create a thing",
  request: { body: z.object({ name: z.string() }), headers: ["Idempotency-Key"] },
  responses: {
    201: { description: "Created", schema: z.object({ id: z.string(), name: z.string() }) },
  },
} as const satisfies HttpRoute;

const definition: FunctionDefinition = {
  id: "idempotency-test",
  description: "Idempotency test function",
  handler: "functions/platform/http/idempotency.test.ts",
  routes: { create: createRoute },
  timeoutSeconds: 30,
};

/** Executions so far; a tenant's next execution never finishes when listed, like one that died. */
let executions = 0;
const hangNext = new Set<string>();
const handler = httpHandler(
  definition,
  implement(
    { create: createRoute },
    {
      create: async ({ caller, body, headers }) =>
        idempotently(
          { tenantId: caller.tenantId, route: routeKey(createRoute), headers, body },
          async () => {
            executions += 1;
            const id = `${caller.tenantId}-${executions}`;
            if (hangNext.delete(caller.tenantId)) await new Promise<never>(() => undefined);
            return { status: 201, body: { id, name: body.name } };
          },
        ),
    },
  ),
);

function event(tenantId: string, key: string, name: string): HttpEvent {
  return {
    version: "2.0",
    routeKey: routeKey(createRoute),
    rawPath: createRoute.path,
    rawQueryString: "",
    headers: {
      "accept-language": "en",
      "content-type": "application/json",
      "idempotency-key": key,
    },
    body: JSON.stringify({ name }),
    isBase64Encoded: false,
    requestContext: {
      authorizer: {
        lambda: {
          sub: `${tenantId}-admin`,
          "custom:tenantId": tenantId,
          "custom:role": "enterpriseAdmin",
          "custom:jurisdiction": "",
        },
      },
    },
  } as unknown as HttpEvent;
}

async function post(tenantId: string, key: string, name = "thing") {
  const result = (await handler(
    event(tenantId, key, name),
    createLambdaContext(definition),
  )) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(String(result.body)) as unknown };
}

interface StoredRecord {
  pk: string;
  sk: string;
  status: string;
  expiresAt: number;
  in_progress_expiration?: number;
}

/** Every idempotency record in the table (the handler under test writes nothing else). */
async function records(): Promise<StoredRecord[]> {
  const { Items = [] } = await localAws().documents.send(
    new ScanCommand({ TableName: tableName, ConsistentRead: true }),
  );
  return Items as StoredRecord[];
}

/**
 * Starts a call that hangs (see `hangNext`) without waiting for it. Its middy timeout ends it
 * with a TimeoutError 30 s later, as Lambda would; caught here, because by then this file may be
 * over and the worker running another (files share workers).
 */
function postHanging(tenantId: string, key: string): void {
  post(tenantId, key).catch(() => undefined);
}

/** Waits for the record a call in flight writes, whatever its key: one not among `known`. */
async function newRecord(known: StoredRecord[]): Promise<StoredRecord> {
  const seen = new Set(known.map((r) => `${r.pk} ${r.sk}`));
  return waitFor(async () => (await records()).find((r) => !seen.has(`${r.pk} ${r.sk}`)), {
    description: "the in-progress record",
  });
}

describe("idempotency through the HTTP handler factory", () => {
  beforeAll(async () => {
    await ensureTable(localAws().dynamodb, tableName, mainTable);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets an in-progress record expire with the invocation's remaining time, not the record's day", async () => {
    hangNext.add("t-expiry");
    const known = await records();
    const before = Date.now();
    postHanging("t-expiry", "interrupted-0001");
    const record = await newRecord(known);
    const after = Date.now();

    // The local context's deadline is its creation time + the function's 30 s timeout.
    expect(record.status).toBe("INPROGRESS");
    expect(record.in_progress_expiration).toBeGreaterThanOrEqual(before + 30_000);
    expect(record.in_progress_expiration).toBeLessThanOrEqual(after + 30_000);
    expect(record.expiresAt).toBeGreaterThan(after / 1000 + 23 * 3600);
  });

  it("answers a retry after an interrupted invocation with a fresh outcome, then replays it", async () => {
    hangNext.add("t-retry");
    const known = await records();
    postHanging("t-retry", "interrupted-0002");
    const stuck = await newRecord(known);
    expect(await post("t-retry", "interrupted-0002")).toEqual({
      status: 409,
      body: {
        type: "https://cityrisk.dev/problems/resource.conflict",
        title: "A request with this Idempotency-Key is in progress",
        status: 409,
        code: "resource.conflict",
        instance: "/api/v1/things",
      },
    });

    // The first invocation never finished (its Lambda timed out); its time is now over.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((stuck.in_progress_expiration ?? 0) + 1_000);
    const retried = await post("t-retry", "interrupted-0002");
    const replayed = await post("t-retry", "interrupted-0002");

    expect(retried).toMatchObject({
      status: 201,
      body: { id: expect.stringMatching(/^t-retry-/) },
    });
    expect(replayed).toEqual(retried);
    expect((await records()).find((r) => r.sk === stuck.sk)?.status).toBe("COMPLETED");
  });

  it("keeps two tenants' identical keys apart, in partitions of their own", async () => {
    const key = "same-key-for-both";
    const a = await post("t-alpha", key);
    const b = await post("t-beta", key);

    expect(a).toMatchObject({ status: 201, body: { id: expect.stringMatching(/^t-alpha-/) } });
    expect(b).toMatchObject({ status: 201, body: { id: expect.stringMatching(/^t-beta-/) } });
    expect(await post("t-alpha", key)).toEqual(a);
    expect(await post("t-beta", key)).toEqual(b);
    const stored = (await records()).filter((r) => /t-alpha|t-beta/.test(r.pk));
    expect(stored.map((r) => r.pk).sort()).toEqual([
      expect.stringMatching(/^IDEMPOTENCY#t-alpha#[0-9a-f]$/),
      expect.stringMatching(/^IDEMPOTENCY#t-beta#[0-9a-f]$/),
    ]);
    expect(stored.every((r) => r.sk.startsWith("HTTP#") && r.status === "COMPLETED")).toBe(true);
  });
});
