import { describe, expect, it } from "vitest";
import { CLAIM } from "../../../shared/tenancy/claims.ts";
import { claimsForToken, type IntegratorLookup, type UserStatusLookup } from "./token-claims.ts";

const WEB = ["cityrisk-web"];
const registry: Record<string, Awaited<ReturnType<IntegratorLookup>>> = {
  "ic-platform": {
    tenantId: "t-district-110105",
    jurisdiction: "d:110105",
    scopes: ["read"],
    status: "active",
  },
  "ic-off": {
    tenantId: "t-district-110105",
    jurisdiction: "d:110105",
    scopes: ["read"],
    status: "disabled",
  },
  "ic-rw": { tenantId: "t-gas", jurisdiction: "", scopes: ["read", "write"], status: "active" },
};
const users: Record<string, string> = { "t-gas/u1": "active", "t-gas/u-off": "disabled" };
const lookup = {
  integrator: (async (id) => registry[id]) satisfies IntegratorLookup,
  userStatus: (async (tenantId, userId) =>
    users[`${tenantId}/${userId}`]) satisfies UserStatusLookup,
};

const clientToken = (clientId: string, scope: string) => ({
  token_use: "access",
  client_id: clientId,
  sub: clientId,
  scope,
  exp: 2_000_000_000,
});

describe("claimsForToken", () => {
  it("passes a web client's ID token through with its own tenancy claims", async () => {
    const verdict = await claimsForToken(
      {
        token_use: "id",
        aud: "cityrisk-web",
        sub: "u1",
        [CLAIM.tenantId]: "t-gas",
        [CLAIM.role]: "enterpriseAdmin",
      },
      WEB,
      lookup,
    );
    expect(verdict).toEqual({
      ok: true,
      claims: {
        token_use: "id",
        aud: "cityrisk-web",
        sub: "u1",
        [CLAIM.tenantId]: "t-gas",
        [CLAIM.role]: "enterpriseAdmin",
      },
    });
  });

  it("refuses the ID token of a user whose record is disabled or missing", async () => {
    const token = (sub: string, extra: Record<string, string> = {}) => ({
      token_use: "id",
      aud: "cityrisk-web",
      sub,
      [CLAIM.tenantId]: "t-gas",
      ...extra,
    });
    expect(await claimsForToken(token("u-off"), WEB, lookup)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("disabled"),
    });
    expect((await claimsForToken(token("u-nobody"), WEB, lookup)).ok).toBe(false);
    // The product's user id claim names the record when Cognito's `sub` differs from it.
    expect(
      (await claimsForToken(token("cognito-sub", { [CLAIM.userId]: "u1" }), WEB, lookup)).ok,
    ).toBe(true);
    expect(
      (await claimsForToken({ token_use: "id", aud: "cityrisk-web", sub: "u1" }, WEB, lookup)).ok,
    ).toBe(false);
  });

  it("refuses ID tokens of other clients and users' access tokens", async () => {
    expect((await claimsForToken({ token_use: "id", aud: "other" }, WEB, lookup)).ok).toBe(false);
    expect(
      (await claimsForToken({ token_use: "access", client_id: "cityrisk-web" }, WEB, lookup)).ok,
    ).toBe(false);
    expect((await claimsForToken({ sub: "x" }, WEB, lookup)).ok).toBe(false);
  });

  it("gives a registered integrator its registry's tenant, role and jurisdiction", async () => {
    // Claims in the token itself are ignored: only the registry speaks for a client.
    const forged = {
      ...clientToken("ic-platform", "cityrisk-api/read"),
      [CLAIM.jurisdiction]: "*",
      [CLAIM.tenantId]: "t-city",
    };
    const verdict = await claimsForToken(forged, WEB, lookup);
    expect(verdict).toEqual({
      ok: true,
      claims: {
        sub: "ic-platform",
        client_id: "ic-platform",
        token_use: "access",
        scope: "cityrisk-api/read",
        exp: "2000000000",
        [CLAIM.tenantId]: "t-district-110105",
        [CLAIM.role]: "integrator",
        [CLAIM.jurisdiction]: "d:110105",
      },
    });
  });

  it("refuses unregistered and disabled clients", async () => {
    expect(
      await claimsForToken(clientToken("ic-unknown", "cityrisk-api/read"), WEB, lookup),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("not a registered") });
    expect(
      await claimsForToken(clientToken("ic-off", "cityrisk-api/read"), WEB, lookup),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("disabled") });
  });

  it("keeps only scopes both granted and still registered", async () => {
    const narrowed = await claimsForToken(clientToken("ic-rw", "cityrisk-api/read"), WEB, lookup);
    expect(narrowed.ok && narrowed.claims.scope).toBe("cityrisk-api/read");
    const both = await claimsForToken(
      clientToken("ic-rw", "cityrisk-api/write cityrisk-api/read"),
      WEB,
      lookup,
    );
    expect(both.ok && both.claims.scope).toBe("cityrisk-api/read cityrisk-api/write");
    expect(
      (await claimsForToken(clientToken("ic-platform", "cityrisk-api/write"), WEB, lookup)).ok,
    ).toBe(false);
  });

  it("refuses a client-credentials token that carries an audience", async () => {
    const withAud = { ...clientToken("ic-platform", "cityrisk-api/read"), aud: "cityrisk-web" };
    expect((await claimsForToken(withAud, WEB, lookup)).ok).toBe(false);
  });
});
