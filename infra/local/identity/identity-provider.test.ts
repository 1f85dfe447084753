import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
