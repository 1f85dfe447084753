import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoClients, demoUsers, WEB_CLIENT_ID } from "../demo-users.ts";
import { LocalIdentityProvider } from "../identity-provider.ts";
import { LoginStore } from "../login-store.ts";
import { loadOrCreateSigningKeys } from "../signing-keys.ts";
import { LocalOidc, WEB_CALLBACK_PATH } from "./local-oidc.ts";

/** A browser's cookie jar for one origin, enough for the provider's session cookies. */
class Jar {
  readonly #cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

const challengeOf = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

// The local OpenID provider behind a bare server, as the gateway mounts it: a code flow with
// PKCE through the sign-in page, and the ID token's claims against the password grant's.
describe("the local OpenID provider", () => {
  let dir: string;
  let server: Server;
  let base: string;
  let identity: LocalIdentityProvider;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cityrisk-oidc-"));
    const keys = await loadOrCreateSigningKeys(join(dir, "signing-key.json"));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
    identity = new LocalIdentityProvider(keys, base, demoUsers, demoClients, {
      logins: new LoginStore(),
      passwordAttemptsPerMinute: { perUser: 3, perAddress: 100 },
    });
    const oidc = new LocalOidc({ issuer: base, webOrigins: [base], keys, identity });
    server.on("request", (req, res) => {
      const path = new URL(req.url ?? "/", base).pathname;
      if (oidc.handles(path)) return void oidc.handle(req, res, "192.0.2.1");
      if (path === "/.well-known/jwks.json") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(JSON.stringify(identity.jwks()));
      }
      res.writeHead(404).end();
    });
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function startAuthorization(jar: Jar, verifier: string) {
    const authorize = new URL(`${base}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      response_type: "code",
      redirect_uri: `${base}${WEB_CALLBACK_PATH}`,
      scope: "openid email profile",
      state: "s-1",
      nonce: "n-1",
      code_challenge: challengeOf(verifier),
      code_challenge_method: "S256",
    }).toString();
    const res = await fetch(authorize, { redirect: "manual" });
    jar.take(res);
    expect(res.status).toBe(303);
    return new URL(res.headers.get("location") ?? "", base);
  }

  async function follow(jar: Jar, url: URL, init: RequestInit = {}) {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, cookie: jar.header() },
    });
    jar.take(res);
    return res;
  }

  it("publishes discovery with the code flow, PKCE and the endpoints on one origin", async () => {
    const res = await fetch(`${base}/.well-known/openid-configuration`);
    expect(await res.json()).toMatchObject({
      issuer: base,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oidc/token`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      end_session_endpoint: `${base}/oidc/logout`,
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
    });
  });

  it("refuses an authorization request without PKCE", async () => {
    const authorize = new URL(`${base}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      response_type: "code",
      redirect_uri: `${base}${WEB_CALLBACK_PATH}`,
      scope: "openid",
    }).toString();
    const res = await fetch(authorize, { redirect: "manual" });
    const location = new URL(res.headers.get("location") ?? "", base);
    expect(location.searchParams.get("error")).toBe("invalid_request");
  });

  it("signs a demo user in through the sign-in page with the password grant's claims", async () => {
    const jar = new Jar();
    const verifier = randomBytes(32).toString("base64url");
    const interaction = await startAuthorization(jar, verifier);
    expect(interaction.pathname).toMatch(/^\/oidc\/interaction\//);

    const page = await follow(jar, interaction);
    const html = await page.text();
    for (const user of demoUsers) expect(html).toContain(`data-email="${user.email}"`);

    const user = demoUsers[1];
    if (!user) throw new Error("no demo user");
    let res = await follow(jar, new URL(`${interaction.pathname}/login`, base), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: DEMO_PASSWORD }),
    });
    // The resumed authorization redirects to the web app's callback with a code.
    while (res.status === 303 || res.status === 302) {
      const next = new URL(res.headers.get("location") ?? "", base);
      if (next.pathname === WEB_CALLBACK_PATH) {
        res = new Response(null, { headers: { location: next.href } });
        break;
      }
      res = await follow(jar, next);
    }
    if (!res.headers.get("location")) throw new Error(`${res.status} ${await res.text()}`);
    const callback = new URL(res.headers.get("location") ?? "");
    expect(callback.searchParams.get("state")).toBe("s-1");
    const code = callback.searchParams.get("code") ?? "";

    const token = await fetch(`${base}/oidc/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: WEB_CLIENT_ID,
        code,
        redirect_uri: `${base}${WEB_CALLBACK_PATH}`,
        code_verifier: verifier,
      }),
    });
    expect(token.status).toBe(200);
    const body = (await token.json()) as { id_token: string; refresh_token?: string };
    expect(body.refresh_token).toEqual(expect.any(String));
    const { payload } = await jwtVerify(
      body.id_token,
      createRemoteJWKSet(new URL(`${base}/.well-known/jwks.json`)),
      { issuer: base, audience: WEB_CLIENT_ID, algorithms: ["RS256"] },
    );
    const viaPasswordGrant = decodeJwt(await identity.tokenForUser(user));
    const pick = (claims: Record<string, unknown>) => {
      const { iat, exp, nbf, jti, auth_time, nonce, at_hash, sid, ...rest } = claims;
      return rest;
    };
    expect(pick(payload)).toEqual(pick(viaPasswordGrant));
    expect(payload.nonce).toBe("n-1");

    // Silent renewal: the refresh token buys a new ID token with the same claims.
    const renewed = await fetch(`${base}/oidc/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: WEB_CLIENT_ID,
        refresh_token: body.refresh_token ?? "",
      }),
    });
    expect(renewed.status).toBe(200);
    const again = (await renewed.json()) as { id_token: string };
    expect(pick(decodeJwt(again.id_token))).toEqual(pick(viaPasswordGrant));
  });

  it("answers a wrong password on the page, then throttles the e-mail", async () => {
    const jar = new Jar();
    const interaction = await startAuthorization(jar, randomBytes(32).toString("base64url"));
    const attempt = () =>
      follow(jar, new URL(`${interaction.pathname}/login`, base), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "admin@mall.demo", password: "wrong" }),
      });
    const first = await attempt();
    expect(first.status).toBe(400);
    expect(await first.text()).toContain("邮箱或密码错误");
    await attempt();
    await attempt();
    const throttled = await attempt();
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
