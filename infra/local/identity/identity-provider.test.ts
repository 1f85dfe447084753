import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientStore } from "./client-store.ts";
import { demoClients, demoUsers } from "./demo-users.ts";
import { LocalIdentityProvider, type TokenResponse } from "./identity-provider.ts";
import { LoginStore } from "./login-store.ts";
import { loadOrCreateSigningKeys } from "./signing-keys.ts";

const SECRET = "test-admin-secret";
const login = {
  userId: "u-01jtest",
  email: "Admin@New-Station.test",
  name: "赵敏",
  tenantId: "t-01jtest",
  role: "enterpriseAdmin",
  jurisdiction: "d:110105;i:gas",
  password: "a-good-password-1",
};

function grant(username: string, password: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: "password",
    client_id: "cityrisk-web",
    username,
    password,
  });
}

describe("the local identity provider's invited logins", () => {
  let dir: string;
  let idp: LocalIdentityProvider;
  const usersFile = () => join(dir, "users.json");

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cityrisk-idp-"));
    const keys = await loadOrCreateSigningKeys(join(dir, "signing-key.json"));
    idp = new LocalIdentityProvider(keys, "http://localhost:3000", demoUsers, demoClients, {
      logins: new LoginStore(usersFile()),
      adminSecret: SECRET,
    });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("refuses the admin endpoint without the secret", async () => {
    expect(await idp.admin("POST", undefined, JSON.stringify(login))).toMatchObject({
      status: 401,
    });
    expect(await idp.admin("POST", "Bearer wrong", JSON.stringify(login))).toMatchObject({
      status: 401,
    });
  });

  it("creates a login whose password grant carries the same claims as a demo user's", async () => {
    const created = await idp.admin("POST", `Bearer ${SECRET}`, JSON.stringify(login));
    expect(created).toEqual({ status: 200, body: { email: "admin@new-station.test" } });

    const answer = (await idp.token(
      grant("admin@new-station.test", login.password),
    )) as TokenResponse;
    expect(decodeJwt(answer.access_token)).toMatchObject({
      sub: "u-01jtest",
      aud: "cityrisk-web",
      email: "admin@new-station.test",
      "custom:tenantId": "t-01jtest",
      "custom:role": "enterpriseAdmin",
      "custom:jurisdiction": "d:110105;i:gas",
    });
    expect(await idp.token(grant("admin@new-station.test", "wrong-password"))).toMatchObject({
      status: 400,
      error: "invalid_grant",
    });
  });

  it("keeps only a scrypt hash on disk, and the logins across a restart", async () => {
    const stored = await readFile(usersFile(), "utf8");
    expect(stored).not.toContain(login.password);
    expect(stored).toMatch(/"passwordHash": "scrypt\$16384\$8\$1\$/);
    expect(
      await new LoginStore(usersFile()).authenticate(login.email, login.password),
    ).toMatchObject({ userId: "u-01jtest" });
  });

  it("disables and re-roles a login through PATCH", async () => {
    const off = await idp.admin(
      "PATCH",
      `Bearer ${SECRET}`,
      JSON.stringify({ email: login.email, enabled: false }),
    );
    expect(off.status).toBe(200);
    expect(await idp.token(grant(login.email, login.password))).toMatchObject({ status: 400 });

    await idp.admin(
      "PATCH",
      `Bearer ${SECRET}`,
      JSON.stringify({ email: login.email, enabled: true, role: "enterpriseStaff" }),
    );
    const answer = (await idp.token(grant(login.email, login.password))) as TokenResponse;
    expect(decodeJwt(answer.access_token)["custom:role"]).toBe("enterpriseStaff");
    expect(
      await idp.admin("PATCH", `Bearer ${SECRET}`, JSON.stringify({ email: "nobody@x.test" })),
    ).toMatchObject({ status: 404 });
  });

  it("never lets an invited login shadow a demo user", async () => {
    const res = await idp.admin(
      "POST",
      `Bearer ${SECRET}`,
      JSON.stringify({ ...login, email: "admin@city.demo" }),
    );
    expect(res.status).toBe(400);
  });
});

function clientGrant(id: string, secret: string, scope?: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: "client_credentials",
    client_id: id,
    client_secret: secret,
    ...(scope === undefined ? {} : { scope }),
  });
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

/** The claims of an issued token, minus the times that vary from run to run. */
async function claimsOf(answer: Promise<unknown>): Promise<Record<string, unknown>> {
  const { access_token } = (await answer) as TokenResponse;
  const { iat, nbf, exp, jti, ...claims } = decodeJwt(access_token);
  expect(exp).toBe((iat ?? 0) + 3600);
  expect(nbf).toBe(iat);
  // Every token is unique, as Cognito's are, even two of one client within a second.
  expect(jti).toMatch(/^[0-9a-f-]{36}$/);
  return claims;
}

describe("the local identity provider's client-credentials grant", () => {
  let dir: string;
  let idp: LocalIdentityProvider;
  const clientsFile = () => join(dir, "clients.json");
  const admin = (method: string, body: unknown) =>
    idp.adminClients(method, `Bearer ${SECRET}`, JSON.stringify(body));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cityrisk-idp-clients-"));
    const keys = await loadOrCreateSigningKeys(join(dir, "signing-key.json"));
    idp = new LocalIdentityProvider(keys, "http://localhost:3000", demoUsers, demoClients, {
      clients: new ClientStore(clientsFile()),
      adminSecret: SECRET,
    });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("gives the demo client a Cognito-shaped access token: full scopes, no aud, no tenancy claims", async () => {
    const claims = await claimsOf(
      idp.token(
        new URLSearchParams({ grant_type: "client_credentials" }),
        basic("demo-integrator", "demo-integrator-secret"),
      ),
    );

    expect(claims).toEqual({
      iss: "http://localhost:3000",
      sub: "demo-integrator",
      client_id: "demo-integrator",
      token_use: "access",
      scope: "cityrisk-api/read",
    });
  });

  it("refuses a wrong secret and an unknown client as invalid_client", async () => {
    const refused = {
      status: 401,
      error: "invalid_client",
      error_description: "client authentication failed",
    };
    expect(await idp.token(clientGrant("demo-integrator", "wrong"))).toEqual(refused);
    expect(await idp.token(clientGrant("ic-nobody", "whatever"))).toEqual(refused);
  });

  it("refuses the admin clients endpoint without the secret, and bodies that do not parse", async () => {
    const body = JSON.stringify({ name: "x", scopes: ["cityrisk-api/read"] });
    expect(await idp.adminClients("POST", undefined, body)).toMatchObject({ status: 401 });
    expect(await idp.adminClients("POST", "Bearer wrong", body)).toMatchObject({ status: 401 });
    expect(await idp.adminClients("POST", `Bearer ${SECRET}`, "{")).toEqual({
      status: 400,
      body: { message: "body is not JSON" },
    });
    expect(await admin("POST", { name: "x", scopes: ["cityrisk/read"] })).toMatchObject({
      status: 400,
    });
    expect(await admin("POST", { name: "x", scopes: [] })).toMatchObject({ status: 400 });
    expect(await admin("PUT", { clientId: "ic-x" })).toMatchObject({ status: 405 });
  });

  it("creates a client whose secret buys a token with every scope it was given", async () => {
    const created = await admin("POST", {
      name: "燃气监测平台",
      scopes: ["cityrisk-api/read", "cityrisk-api/write"],
    });
    expect(created).toEqual({
      status: 200,
      body: {
        clientId: expect.stringMatching(/^ic-[0-9a-f]{20}$/),
        clientSecret: expect.any(String),
      },
    });
    const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };
    expect(Buffer.from(clientSecret, "base64url")).toHaveLength(32);

    expect(await claimsOf(idp.token(clientGrant(clientId, clientSecret)))).toEqual({
      iss: "http://localhost:3000",
      sub: clientId,
      client_id: clientId,
      token_use: "access",
      scope: "cityrisk-api/read cityrisk-api/write",
    });
    expect(
      await claimsOf(
        idp.token(
          new URLSearchParams({ grant_type: "client_credentials" }),
          basic(clientId, clientSecret),
        ),
      ),
    ).toMatchObject({ client_id: clientId });
    expect(await idp.token(clientGrant(clientId, `${clientSecret}x`))).toMatchObject({
      status: 401,
      error: "invalid_client",
    });
  });

  it("narrows the grant to a requested scope, and refuses a scope the client was not given", async () => {
    const created = await admin("POST", { name: "reader", scopes: ["cityrisk-api/read"] });
    const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };
    const both = await admin("POST", {
      name: "both",
      scopes: ["cityrisk-api/read", "cityrisk-api/write"],
    });
    const writer = both.body as { clientId: string; clientSecret: string };

    expect(
      await claimsOf(
        idp.token(clientGrant(writer.clientId, writer.clientSecret, "cityrisk-api/write")),
      ),
    ).toMatchObject({ scope: "cityrisk-api/write" });
    expect(
      await idp.token(clientGrant(clientId, clientSecret, "cityrisk-api/read cityrisk-api/write")),
    ).toEqual({
      status: 400,
      error: "invalid_scope",
      error_description: "scope not allowed for this client: cityrisk-api/write",
    });
    expect(
      await idp.token(clientGrant("demo-integrator", "demo-integrator-secret", "read")),
    ).toMatchObject({ status: 400, error: "invalid_scope" });
  });

  it("keeps only a scrypt hash of each secret on disk, owner-only, and the clients across a restart", async () => {
    const created = await admin("POST", { name: "persisted", scopes: ["cityrisk-api/read"] });
    const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };

    const stored = await readFile(clientsFile(), "utf8");
    expect(stored).not.toContain(clientSecret);
    expect(stored).toMatch(/"secretHash": "scrypt\$16384\$8\$1\$/);
    expect((await stat(clientsFile())).mode & 0o777).toBe(0o600);
    expect(await new ClientStore(clientsFile()).authenticate(clientId, clientSecret)).toMatchObject(
      {
        clientId,
        name: "persisted",
        scopes: ["cityrisk-api/read"],
      },
    );
  });

  it("refuses a deleted client's secret, and answers 404 for a client already gone", async () => {
    const created = await admin("POST", { name: "short-lived", scopes: ["cityrisk-api/read"] });
    const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };

    expect(await admin("DELETE", { clientId })).toEqual({ status: 200, body: { clientId } });

    expect(await idp.token(clientGrant(clientId, clientSecret))).toEqual({
      status: 401,
      error: "invalid_client",
      error_description: "client authentication failed",
    });
    expect(new ClientStore(clientsFile()).find(clientId)).toBeUndefined();
    expect(await admin("DELETE", { clientId })).toEqual({
      status: 404,
      body: { message: "no such client" },
    });
    expect(await admin("DELETE", { clientId: "demo-integrator" })).toMatchObject({ status: 400 });
  });
});

describe("the local-only password grant's brakes", () => {
  let dir: string;
  let idp: LocalIdentityProvider;
  let logins: LoginStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cityrisk-idp-brakes-"));
    const keys = await loadOrCreateSigningKeys(join(dir, "signing-key.json"));
    logins = new LoginStore();
    idp = new LocalIdentityProvider(keys, "http://localhost:3000", demoUsers, demoClients, {
      logins,
      passwordAttemptsPerMinute: { perUser: 2, perAddress: 3 },
    });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("limits attempts per e-mail, answering 429 with the seconds to wait", async () => {
    await idp.token(grant("admin@mall.demo", "wrong"), undefined, "192.0.2.10");
    await idp.token(grant("admin@mall.demo", "wrong"), undefined, "192.0.2.11");
    const third = await idp.token(
      grant("admin@mall.demo", "demo-password"),
      undefined,
      "192.0.2.12",
    );
    expect(third).toMatchObject({ status: 429, error: "slow_down" });
    expect((third as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("limits attempts per address across e-mails", async () => {
    const address = "192.0.2.20";
    await idp.token(grant("official@gas.demo", "wrong"), undefined, address);
    await idp.token(grant("official@haidian.demo", "wrong"), undefined, address);
    await idp.token(grant("nobody@nowhere.test", "wrong"), undefined, address);
    const fourth = await idp.token(grant("admin@city.demo", "demo-password"), undefined, address);
    expect(fourth).toMatchObject({ status: 429 });
  });
});
