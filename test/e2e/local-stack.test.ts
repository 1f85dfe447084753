import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { base64url, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { stackStore } from "../support/stack-client.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";

// The stack started the way `npm start` starts it, driven over HTTP: health, the JWT authorizer's
// refusals (missing, forged, expired tokens) and a protected route with a demo user's token.
function passwordGrant(stack: LocalStack, username: string, password: string): Promise<Response> {
  return fetch(`${stack.baseUrl}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "password",
      client_id: "cityrisk-web",
      username,
      password,
    }),
  });
}

async function token(stack: LocalStack, username: string): Promise<string> {
  const res = await passwordGrant(stack, username, "demo-password");
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    access_token: string;
    token_type: string;
    expires_in: number;
  };
  expect(body.token_type).toBe("Bearer");
  return body.access_token;
}

function me(stack: LocalStack, bearer?: string): Promise<Response> {
  return fetch(`${stack.baseUrl}/api/v1/me`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
}

// One stack for the file: the handlers' SDK clients, like a Lambda container's, keep the
// endpoints of the first stack a process starts.
let running: TestStack | undefined;
let stack: LocalStack;
let dataDir: string;

beforeAll(async () => {
  running = await startTestStack("e2e");
  ({ stack, dataDir } = running);
});

afterAll(async () => {
  await running?.stop();
});

describe("the local stack end to end", () => {
  it("answers health with ok when DynamoDB and S3 are reachable", async () => {
    const res = await fetch(`${stack.baseUrl}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", checks: { dynamodb: "ok", s3: "ok" } });
  });

  it("serves the OpenAPI document, the docs page and the web app on one origin", async () => {
    const doc = (await (await fetch(`${stack.baseUrl}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/health", "/api/v1/me"]),
    );
    expect(await (await fetch(`${stack.baseUrl}/api/docs`)).text()).toContain(
      "/vendor/swagger-ui/swagger-ui-bundle.js",
    );
    const shell = await fetch(`${stack.baseUrl}/sign-in`);
    expect(shell.headers.get("content-type")).toContain("text/html");
  });

  it("refuses a protected route without a token", async () => {
    const res = await me(stack);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
  });

  it("refuses forged tokens: alg none, tampered payload, unknown key", async () => {
    const good = await token(stack, "admin@mall.demo");
    const [header, payload, signature] = good.split(".") as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<
      string,
      unknown
    >;
    const none = `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`;
    const tampered = `${header}.${base64url.encode(JSON.stringify({ ...claims, "custom:tenantId": "t-gas-station-chaoyang" }))}.${signature}`;
    const { privateKey } = await generateKeyPair("RS256");
    const unknownKey = await new SignJWT(claims)
      .setProtectedHeader({
        alg: "RS256",
        kid: JSON.parse(new TextDecoder().decode(base64url.decode(header))).kid,
      })
      .sign(privateKey);
    for (const forged of [none, tampered, unknownKey])
      expect((await me(stack, forged)).status).toBe(401);
  });

  it("refuses an expired token signed with the right key", async () => {
    const stored = JSON.parse(
      await readFile(join(dataDir, "identity", "signing-key.json"), "utf8"),
    ) as { kid: string; privateJwk: Record<string, string> };
    const { importJWK } = await import("jose");
    const key = await importJWK(stored.privateJwk, "RS256");
    const expired = await new SignJWT({
      aud: "cityrisk-web",
      "custom:tenantId": "t-mall-haidian",
      "custom:role": "enterpriseAdmin",
      "custom:jurisdiction": "d:110108",
    })
      .setProtectedHeader({ alg: "RS256", kid: stored.kid })
      .setIssuer(stack.baseUrl)
      .setSubject("u-mall-admin")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(key);
    expect((await me(stack, expired)).status).toBe(401);
  });

  it("answers a protected route with the demo user's tenant, role and jurisdiction", async () => {
    const res = await me(stack, await token(stack, "official@chaoyang.demo"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userId: "u-chaoyang-official",
      email: "official@chaoyang.demo",
      tenantId: "t-district-110105",
      role: "districtOfficial",
      roleLabel: { zh: "区级监管人员", en: "District official" },
      jurisdiction: "d:110105",
      jurisdictionLabel: { zh: "朝阳区", en: "Chaoyang District" },
    });
  });

  it("keeps an authorizer's success for a token a minute, as API Gateway does", async () => {
    const store = stackStore(stack);
    const key = { tenantId: "t-district-110108", userId: "u-haidian-official" };
    const before = await token(stack, "official@haidian.demo");
    expect((await me(stack, before)).status).toBe(200);
    const record = (await store.entities.user.get(key).go()).data;
    if (!record) throw new Error("the demo user's record is written at start");
    const disabled = { ...record.record, status: "disabled" as const };
    await store.entities.user.put({ ...key, version: record.version, record: disabled }).go();
    try {
      // The same token was authorized before: its cached success still stands.
      expect((await me(stack, before)).status).toBe(200);
      // A token the authorizer has not seen meets the disabled record.
      expect((await me(stack, await token(stack, "official@haidian.demo"))).status).toBe(401);
    } finally {
      await store.entities.user
        .put({ ...key, version: record.version, record: record.record })
        .go();
    }
  });

  it("rejects a wrong password with an OAuth2 error", async () => {
    const res = await passwordGrant(stack, "admin@city.demo", "nope");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("invalid_grant");
  });
});

// Issue 10, Found 9: an absent jurisdiction claim once parsed as the whole city.
describe("/api/v1/me reports a jurisdiction only where one is granted", () => {
  beforeAll(async () => {
    // The integrators' registrations (the enterprise system among them) come with the tenants.
    await seedDemoTenants(stackStore(stack), new Date());
  });

  async function clientToken(clientId: string, secret: string): Promise<string> {
    const res = await fetch(`${stack.baseUrl}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: secret,
      }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it("shows none for the assessor", async () => {
    const res = await me(stack, await token(stack, "assessor@agency.demo"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userId: "u-agency-assessor",
      email: "assessor@agency.demo",
      tenantId: "t-assessment-agency",
      tenantName: "北京安平示范安全评价有限公司",
      role: "assessor",
      roleLabel: { zh: "评估机构人员", en: "Assessor" },
    });
  });

  it("shows none for an enterprise's own system (an integrator without a jurisdiction)", async () => {
    const res = await me(stack, await clientToken("demo-gas-erp", "demo-gas-erp-secret"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userId: "demo-gas-erp",
      tenantId: "t-gas-station-chaoyang",
      tenantName: "北京朝阳示范加油站有限公司",
      role: "integrator",
      roleLabel: { zh: "系统集成方", en: "Integrator" },
    });
  });

  it("writes the city admin's and the city platform's whole city explicitly as *", async () => {
    const admin = await me(stack, await token(stack, "admin@city.demo"));
    expect(await admin.json()).toEqual({
      userId: "u-city-admin",
      email: "admin@city.demo",
      tenantId: "t-city-safety-committee",
      tenantName: "北京市安全生产委员会",
      role: "cityAdmin",
      roleLabel: { zh: "市级管理员", en: "City admin" },
      jurisdiction: "*",
      jurisdictionLabel: { zh: "全市", en: "Citywide" },
    });
    const platform = await me(
      stack,
      await clientToken("demo-integrator", "demo-integrator-secret"),
    );
    expect(await platform.json()).toMatchObject({ role: "integrator", jurisdiction: "*" });
  });
});

// Each token below is signed with the stack's own key and differs from an accepted token in one
// claim or header only, so every 401 is down to the check under test (the first case proves it).
describe("the API's authorizer refuses what API Gateway's JWT authorizer would", () => {
  let signingKey: CryptoKey;
  let kid: string;
  let publicJwk: JWK;
  const now = (): number => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const stored = JSON.parse(
      await readFile(join(dataDir, "identity", "signing-key.json"), "utf8"),
    ) as { kid: string; privateJwk: JWK; publicJwk: JWK };
    signingKey = (await importJWK(stored.privateJwk, "RS256")) as CryptoKey;
    kid = stored.kid;
    publicJwk = stored.publicJwk;
  });

  /** The claims the local identity provider puts on an ID token; `undefined` drops a claim. */
  function claims(change: Record<string, unknown> = {}): Record<string, unknown> {
    const all: Record<string, unknown> = {
      iss: stack.baseUrl,
      sub: "u-mall-admin",
      aud: "cityrisk-web",
      token_use: "id",
      email: "admin@mall.demo",
      iat: now(),
      nbf: now(),
      exp: now() + 3600,
      "custom:tenantId": "t-mall-haidian",
      "custom:role": "enterpriseAdmin",
      "custom:jurisdiction": "d:110108",
      ...change,
    };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  }

  function signed(change: Record<string, unknown> = {}): Promise<string> {
    return new SignJWT(claims(change))
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .sign(signingKey);
  }

  it("accepts the unaltered token (the refusals below are not vacuous)", async () => {
    const res = await me(stack, await signed());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userId: "u-mall-admin",
      email: "admin@mall.demo",
      tenantId: "t-mall-haidian",
      tenantName: "北京海淀示范购物中心有限公司",
      role: "enterpriseAdmin",
      roleLabel: { zh: "企业管理员", en: "Enterprise admin" },
      jurisdiction: "d:110108",
      jurisdictionLabel: { zh: "海淀区", en: "Haidian District" },
    });
  });

  it.each<[string, () => Record<string, unknown>]>([
    ["not valid yet (nbf in the future)", () => ({ nbf: now() + 600 })],
    ["issued by another issuer", () => ({ iss: "https://cognito-idp.example.com/other-pool" })],
    ["issued for another audience", () => ({ aud: "someone-elses-client" })],
    [
      "an access token of an unknown client_id",
      () => ({ aud: undefined, token_use: "access", client_id: "unknown-client" }),
    ],
    ["without an expiry", () => ({ exp: undefined })],
    ["issued in the future", () => ({ iat: now() + 600 })],
  ])("refuses a token %s with 401", async (_, change) => {
    const res = await me(stack, await signed(change()));
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 401,
      body: { message: "Unauthorized" },
    });
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("refuses a token MACed with the public key (RS256 → HS256 confusion) with 401", async () => {
    const confused = await new SignJWT(claims())
      .setProtectedHeader({ alg: "HS256", kid, typ: "JWT" })
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect((await me(stack, confused)).status).toBe(401);
  });
});
