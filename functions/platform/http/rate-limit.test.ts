import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { ensureTable } from "../../../infra/local/bootstrap/ensure-table.ts";
import { createLambdaContext } from "../../../infra/local/runners/lambda-context.ts";
import type { Role } from "../../../shared/tenancy/roles.ts";
import { localAws } from "../../../test/support/local-aws.ts";
import { config, parseRateLimit } from "../config.ts";
import type { FunctionDefinition, HttpRoute } from "../manifest-types.ts";
import { mainTable } from "../storage-definitions.ts";
import { type HttpEvent, httpHandler, implement } from "./http-handler.ts";

const TenantAnswer = z.object({ tenantId: z.string() });

import { countRequest } from "./rate-limit.ts";

// config() is read once per process, so the table and the limit are in the environment before
// any module under test loads: 3 requests per 60-second window.
const tableName = vi.hoisted(() => {
  const name = `rate-limit-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  process.env.TABLE_NAME = name;
  process.env.CITYRISK_INTEGRATOR_RATE_LIMIT = "3/60";
  return name;
});

const pingRoute = {
  method: "GET",
  path: "/api/v1/ping",
  access: { roles: ["integrator", "enterpriseAdmin"] },
  summary: "Ping",
  responses: { 200: { description: "The caller's tenant", schema: TenantAnswer } },
} as const satisfies HttpRoute;

const pongRoute = {
  method: "POST",
  path: "/api/v1/pong",
  access: { roles: ["integrator"] },
  summary: "Pong",
  responses: { 200: { description: "The caller's tenant", schema: TenantAnswer } },
} as const satisfies HttpRoute;

const previewRoute = {
  method: "POST",
  path: "/api/v1/preview",
  access: { roles: ["integrator"] },
  summary: "Preview",
  readOnly: true,
  responses: { 200: { description: "The caller's tenant", schema: TenantAnswer } },
} as const satisfies HttpRoute;

const definition: FunctionDefinition = {
  id: "rate-limit-test",
  description: "Rate-limit test function",
  handler: "functions/platform/http/rate-limit.test.ts",
  routes: { ping: pingRoute, pong: pongRoute, preview: previewRoute },
};

const answerTenant = async ({ caller }: { caller: { tenantId: string } }) => ({
  body: { tenantId: caller.tenantId },
});
const handler = httpHandler(
  definition,
  implement(
    { ping: pingRoute, pong: pongRoute, preview: previewRoute },
    { ping: answerTenant, pong: answerTenant, preview: answerTenant },
  ),
);

function event(
  tenantId: string,
  role: Role,
  route: HttpRoute = pingRoute,
  scope?: string,
): HttpEvent {
  return {
    version: "2.0",
    routeKey: `${route.method} ${route.path}`,
    rawPath: route.path,
    rawQueryString: "",
    headers: { "accept-language": "en" },
    isBase64Encoded: false,
    requestContext: {
      authorizer: {
        lambda: {
          sub: `${tenantId}-${role}`,
          "custom:tenantId": tenantId,
          "custom:role": role,
          "custom:jurisdiction": "",
          ...(scope === undefined ? {} : { scope }),
        },
      },
    },
  } as unknown as HttpEvent;
}

async function ping(tenantId: string, role: Role = "integrator") {
  const result = (await handler(
    event(tenantId, role),
    createLambdaContext(definition),
  )) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    retryAfter: result.headers?.["retry-after"],
    body: JSON.parse(String(result.body)) as unknown,
  };
}

/** Start of a whole minute (a window); the clock is pinned inside it, so no test straddles two. */
const WINDOW_START_MS = (Math.floor(Date.now() / 60_000) + 1) * 60_000;

async function exhaust(tenantId: string): Promise<void> {
  for (let i = 0; i < 3; i++) expect((await ping(tenantId)).status).toBe(200);
}

async function counter(tenantId: string, windowStartMs: number) {
  const { Item } = await localAws().documents.send(
    new GetCommand({
      TableName: tableName,
      Key: { pk: `T#${tenantId}`, sk: `RATE#${windowStartMs / 1000}` },
      ConsistentRead: true,
    }),
  );
  return Item;
}

describe("integrator rate limit through the HTTP handler factory", () => {
  beforeAll(async () => {
    await ensureTable(localAws().dynamodb, tableName, mainTable);
  });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(WINDOW_START_MS + 20_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads the limit from CITYRISK_INTEGRATOR_RATE_LIMIT", () => {
    expect(config().integratorRateLimit).toEqual({ limit: 3, windowSeconds: 60 });
  });

  it("allows N requests, answers the N+1th with 429 problem+json and Retry-After", async () => {
    const allowed = [await ping("t-a"), await ping("t-a"), await ping("t-a")];
    const refused = await ping("t-a");

    expect(allowed).toEqual(
      Array(3).fill({ status: 200, retryAfter: undefined, body: { tenantId: "t-a" } }),
    );
    expect(refused).toEqual({
      status: 429,
      retryAfter: "40",
      body: {
        type: "https://cityrisk.dev/problems/tenant.rateLimited",
        title: "Too many requests for this tenant; retry later",
        status: 429,
        code: "tenant.rateLimited",
        instance: "/api/v1/ping",
      },
    });
    expect(await counter("t-a", WINDOW_START_MS)).toEqual({
      pk: "T#t-a",
      sk: `RATE#${WINDOW_START_MS / 1000}`,
      requestCount: 3,
      expiresAt: WINDOW_START_MS / 1000 + 60,
    });
  });

  it("leaves another tenant's integrators unaffected", async () => {
    await exhaust("t-b");
    expect((await ping("t-b")).status).toBe(429);
    expect(await ping("t-c")).toEqual({
      status: 200,
      retryAfter: undefined,
      body: { tenantId: "t-c" },
    });
  });

  it("never counts or limits callers other than integrators", async () => {
    await exhaust("t-d");
    expect((await ping("t-d")).status).toBe(429);
    expect((await ping("t-d", "enterpriseAdmin")).status).toBe(200);
    expect((await counter("t-d", WINDOW_START_MS))?.requestCount).toBe(3);
  });

  it("starts afresh in the next window", async () => {
    await exhaust("t-e");
    vi.setSystemTime(WINDOW_START_MS + 59_000);
    expect(await ping("t-e")).toMatchObject({ status: 429, retryAfter: "1" });
    vi.setSystemTime(WINDOW_START_MS + 60_000);
    expect(await ping("t-e")).toMatchObject({ status: 200, body: { tenantId: "t-e" } });
    expect((await counter("t-e", WINDOW_START_MS + 60_000))?.requestCount).toBe(1);
  });
});

describe("integrator scopes", () => {
  beforeAll(async () => {
    await ensureTable(localAws().dynamodb, tableName, mainTable);
  });

  const pong = async (scope: string) => {
    const result = (await handler(
      event("t-scope", "integrator", pongRoute, scope),
      createLambdaContext(definition),
    )) as APIGatewayProxyStructuredResultV2;
    return result.statusCode;
  };

  it("refuses a route that writes to an integrator without the write scope (403)", async () => {
    expect(await pong("cityrisk-api/read")).toBe(403);
    expect(await pong("")).toBe(403);
  });

  it("lets a read-only integrator use a POST the manifest marks readOnly", async () => {
    const result = (await handler(
      event("t-scope", "integrator", previewRoute, "cityrisk-api/read"),
      createLambdaContext(definition),
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(200);
  });

  it("lets an integrator with the write scope through", async () => {
    expect(await pong("cityrisk-api/read cityrisk-api/write")).toBe(200);
  });
});

describe("countRequest", () => {
  it("lets exactly N of many concurrent requests through (one atomic conditional ADD each)", async () => {
    const table = { client: localAws().dynamodb, tableName };
    const now = WINDOW_START_MS + 5 * 60_000;
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, () =>
        countRequest(table, "t-burst", { limit: 5, windowSeconds: 60 }, now),
      ),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.filter((v) => !v.allowed)).toEqual(
      Array(7).fill({ allowed: false, retryAfterSeconds: 60 }),
    );
  });
});

describe("parseRateLimit", () => {
  it("reads <requests>/<seconds>", () => {
    expect(parseRateLimit("120/60")).toEqual({ limit: 120, windowSeconds: 60 });
    expect(parseRateLimit(" 10 / 1 ")).toEqual({ limit: 10, windowSeconds: 1 });
  });

  it.each(["", "120", "120/", "/60", "0/60", "120/0", "-1/60", "1.5/60", "a/b"])(
    "refuses %j",
    (text) => {
      expect(() => parseRateLimit(text)).toThrow(/rate limit must look like/);
    },
  );
});
