import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FunctionDefinition, HttpRoute } from "../../../functions/platform/manifest-types.ts";
import { LocalIdentityProvider } from "../identity/identity-provider.ts";
import { loadOrCreateSigningKeys } from "../identity/signing-keys.ts";
import type { InvokableHandler } from "../runners/load-handler.ts";
import { type RunningGateway, startGateway } from "./gateway.ts";

const never = () => new Promise<never>(() => undefined);

const slowRoute = {
  method: "GET",
  path: "/api/v1/slow",
  access: "public",
  summary: "Never answers",
} as const satisfies HttpRoute;
const patientRoute = { ...slowRoute, path: "/api/v1/patient" } as const satisfies HttpRoute;
const guardedRoute = {
  method: "GET",
  path: "/api/v1/guarded",
  access: { roles: ["enterpriseAdmin"] },
  summary: "Behind the authorizer",
} as const satisfies HttpRoute;

const fn = (id: string, routes: HttpRoute[], extra: Partial<FunctionDefinition> = {}) =>
  ({
    id,
    description: id,
    handler: `${id}.ts`,
    routes: Object.fromEntries(routes.map((route) => [route.path, route])),
    ...extra,
  }) satisfies FunctionDefinition;

// `slow` times out by its own 1 s; `patient` would wait 5 s but the gateway gives up after 2 s.
const manifest = [
  fn("authorizer", [], { authorizer: true, timeoutSeconds: 1 }),
  fn("slow", [slowRoute], { timeoutSeconds: 1 }),
  fn("patient", [patientRoute], { timeoutSeconds: 5 }),
  fn("guarded", [guardedRoute]),
];

const handlers: Record<string, InvokableHandler> = {
  authorizer: async (event) => {
    const token = (event as { headers: Record<string, string> }).headers.authorization;
    if (token === "Bearer hangs") return never();
    throw new Error("JWKS endpoint unreachable");
  },
  slow: never,
  patient: never,
  guarded: async () => ({ statusCode: 200, body: "{}" }),
};

describe("the local gateway's own answers are problem+json", () => {
  let dir: string;
  let gateway: RunningGateway;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${gateway.port}${path}`, { headers });
    return {
      status: res.status,
      contentType: res.headers.get("content-type"),
      body: (await res.json()) as unknown,
    };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cityrisk-gateway-answers-"));
    const keys = await loadOrCreateSigningKeys(join(dir, "signing-key.json"));
    gateway = await startGateway({
      manifest,
      identity: new LocalIdentityProvider(keys, "http://localhost"),
      loadHandler: async (definition) => handlers[definition.id] as InvokableHandler,
      frontendDir: dir,
      integrationTimeoutSeconds: 2,
      adminSecret: "platform-answers-admin-secret",
      port: 0,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("answers a handler that runs past its function's timeout with 500, as API Gateway does", async () => {
    expect(await get("/api/v1/slow", { "accept-language": "en" })).toEqual({
      status: 500,
      contentType: "application/problem+json",
      body: {
        type: "https://cityrisk.dev/problems/gateway.functionTimedOut",
        title: "The request timed out; retry later",
        status: 500,
        code: "gateway.functionTimedOut",
        instance: "/api/v1/slow",
      },
    });
  });

  it("answers a handler still running at the integration timeout with 503, in Chinese by default", async () => {
    expect(await get("/api/v1/patient")).toEqual({
      status: 503,
      contentType: "application/problem+json",
      body: {
        type: "https://cityrisk.dev/problems/gateway.integrationTimedOut",
        title: "网关等待响应超时，请稍后重试",
        status: 503,
        code: "gateway.integrationTimedOut",
        instance: "/api/v1/patient",
      },
    });
  });

  it("answers an authorizer that throws or times out with 500", async () => {
    const expected = {
      status: 500,
      contentType: "application/problem+json",
      body: {
        type: "https://cityrisk.dev/problems/gateway.authorizerFailed",
        title: "The authorizer failed; retry later",
        status: 500,
        code: "gateway.authorizerFailed",
        instance: "/api/v1/guarded",
      },
    };
    const ask = (token: string) =>
      get("/api/v1/guarded", { authorization: token, "accept-language": "en-GB" });

    expect(await ask("Bearer throws")).toEqual(expected);
    expect(await ask("Bearer hangs")).toEqual(expected);
  });

  it("keeps API Gateway's own 401 for a request without a token", async () => {
    expect(await get("/api/v1/guarded")).toEqual({
      status: 401,
      contentType: "application/json",
      body: { message: "Unauthorized" },
    });
  });
});
