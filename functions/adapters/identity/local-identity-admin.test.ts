import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGateway, startGateway } from "../../../infra/local/gateway/gateway.ts";
import { ClientStore } from "../../../infra/local/identity/client-store.ts";
import { demoClients, demoUsers } from "../../../infra/local/identity/demo-users.ts";
import {
  LocalIdentityProvider,
  type TokenResponse,
} from "../../../infra/local/identity/identity-provider.ts";
import { loadOrCreateSigningKeys } from "../../../infra/local/identity/signing-keys.ts";
import { LocalIdentityAdmin } from "./local-identity-admin.ts";

const SECRET = "test-admin-secret";

/** The adapter against the real provider behind the real local gateway, as the tenancy API calls it. */
describe("LocalIdentityAdmin machine clients", () => {
  let dir: string;
  let gateway: RunningGateway;
  let baseUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cityrisk-local-admin-"));
    const keys = await loadOrCreateSigningKeys(join(dir, "signing-key.json"));
    const identity = new LocalIdentityProvider(keys, "http://localhost", demoUsers, demoClients, {
      clients: new ClientStore(join(dir, "clients.json")),
      adminSecret: SECRET,
    });
    gateway = await startGateway({
      manifest: [],
      identity,
      loadHandler: () => Promise.reject(new Error("no handlers in this test")),
      frontendDir: dir,
      port: 0,
      adminSecret: SECRET,
    });
    baseUrl = `http://127.0.0.1:${gateway.port}`;
  });

  afterAll(async () => {
    await gateway?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function token(clientId: string, clientSecret: string): Promise<Response> {
    return fetch(`${baseUrl}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
  }

  it("creates a client whose credentials the token endpoint accepts, then deletes it", async () => {
    const admin = new LocalIdentityAdmin(`${baseUrl}/`, SECRET);

    const client = await admin.createMachineClient({
      name: "市安委会平台",
      scopes: ["cityrisk-api/read"],
    });
    const issued = await token(client.clientId, client.clientSecret);
    expect(issued.status).toBe(200);
    const { access_token } = (await issued.json()) as TokenResponse;
    expect(decodeJwt(access_token)).toMatchObject({
      client_id: client.clientId,
      scope: "cityrisk-api/read",
    });

    await admin.deleteMachineClient(client.clientId);
    const refused = await token(client.clientId, client.clientSecret);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });
  });

  it("treats deleting a client already gone as done", async () => {
    const admin = new LocalIdentityAdmin(baseUrl, SECRET);

    await expect(admin.deleteMachineClient("ic-never-created")).resolves.toBeUndefined();
  });

  it("fails on a wrong admin secret and on a scope the resource server does not define", async () => {
    await expect(
      new LocalIdentityAdmin(baseUrl, "wrong").createMachineClient({
        name: "x",
        scopes: ["cityrisk-api/read"],
      }),
    ).rejects.toThrow(/answered 401/);
    await expect(
      new LocalIdentityAdmin(baseUrl, "wrong").deleteMachineClient("ic-x"),
    ).rejects.toThrow(/answered 401/);
    await expect(
      new LocalIdentityAdmin(baseUrl, SECRET).createMachineClient({
        name: "x",
        scopes: ["cityrisk-api/admin"],
      }),
    ).rejects.toThrow(/answered 400/);
  });
});
