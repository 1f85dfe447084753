import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { LocalIdentityAdmin } from "../../../functions/adapters/identity/local-identity-admin.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { AuditRecord } from "../../../shared/audit/audit-record.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type {
  IntegratorClient,
  IntegratorCreated,
} from "../../../shared/tenancy/integrator-client.ts";
import type { Page } from "../../../shared/tenancy/views.ts";
import { riskSourceInput } from "../../support/registry-fixtures.ts";
import { type ApiCaller, callerWithToken, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { uniqueName } from "../../support/unique-name.ts";

// Integrators registered through the API, their client-credentials tokens through the local
// identity provider, and the authorizer resolving them from the registry — all on one machine.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const CHAOYANG = "t-district-110105";

async function clientToken(tokenUrl: string, id: string, secret: string, scope?: string) {
  const res = await fetch(tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: id,
      client_secret: secret,
      ...(scope ? { scope } : {}),
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const ids = (body: unknown) => (body as Page<RiskSource>).items.map((s) => s.id);

describe("integrators", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let cityAdmin: ApiCaller;
  let gasAdmin: ApiCaller;
  let mallAdmin: ApiCaller;
  let gasSource: RiskSource;
  let mallSource: RiskSource;
  let platform: IntegratorCreated;
  let platformCaller: ApiCaller;

  beforeAll(async () => {
    // No result cache: a disabled client must be refused on its very next request.
    running = await startTestStack("integrators", { authorizerCacheSeconds: 0 });
    stack = running.stack;
    store = stackStore(stack);
    await seedDemoTenants(store, new Date());
    [cityAdmin, gasAdmin, mallAdmin] = await Promise.all([
      signIn(stack, "admin@city.demo"),
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
    ]);
    const gas = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
    });
    const mall = await mallAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(MALL, "中庭"),
    });
    expect([gas.status, mall.status]).toEqual([201, 201]);
    gasSource = gas.body as RiskSource;
    mallSource = mall.body as RiskSource;
  });

  afterAll(async () => {
    await running?.stop();
  });

  it("the city admin registers a district's platform; the secret and token URL come once", async () => {
    const key = uniqueName("idem").replace(/[^A-Za-z0-9_-]/g, "-");
    const body = {
      name: "朝阳区风险监测平台",
      scopes: ["read"],
      tenantId: CHAOYANG,
      jurisdiction: "d:110105",
    };
    const res = await cityAdmin.call("POST", "/api/v1/integrators", {
      body,
      headers: { "idempotency-key": key },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    platform = res.body as IntegratorCreated;
    expect(platform).toMatchObject({
      tenantId: CHAOYANG,
      jurisdiction: "d:110105",
      scopes: ["read"],
      status: "active",
      tokenUrl: `${stack.baseUrl}/oauth2/token`,
    });
    expect(platform.clientSecret.length).toBeGreaterThan(20);
    // A retry with the same key answers the same client; no second one is created.
    const retry = await cityAdmin.call("POST", "/api/v1/integrators", {
      body,
      headers: { "idempotency-key": key },
    });
    expect((retry.body as IntegratorCreated).clientId).toBe(platform.clientId);
    const listed = await cityAdmin.call("GET", `/api/v1/integrators?tenantId=${CHAOYANG}`);
    expect((listed.body as Page<IntegratorClient>).items.map((c) => c.clientId)).toEqual([
      platform.clientId,
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(platform.clientSecret);
    const { data } = await store.entities.auditRecord.query
      .byTenant({ tenantId: CHAOYANG })
      .go({ pages: "all" });
    const audit = data.map((d) => d.record as AuditRecord);
    expect(audit.filter((a) => a.action === "integrator.register")).toHaveLength(1);
  });

  it("its token reads exactly the registered jurisdiction", async () => {
    const token = await clientToken(platform.tokenUrl, platform.clientId, platform.clientSecret);
    platformCaller = callerWithToken(stack, token);
    const res = await platformCaller.call("GET", "/api/v1/risk-sources?limit=100");
    expect(res.status).toBe(200);
    expect(ids(res.body)).toContain(gasSource.id);
    expect(ids(res.body)).not.toContain(mallSource.id);
    const outside = await platformCaller.call("GET", `/api/v1/risk-sources/${mallSource.id}`);
    expect(outside.status).toBe(404);
  });

  it("a read-only integrator is refused by routes that write (403), a government one reaches no source to change", async () => {
    const res = await platformCaller.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
    });
    expect(res.status).toBe(403);
    // With the write scope a platform still changes nothing: no enterprise's source is its own.
    const writer = (
      await cityAdmin.call("POST", "/api/v1/integrators", {
        body: { name: "朝阳区写入平台", scopes: ["read", "write"], tenantId: CHAOYANG },
      })
    ).body as IntegratorCreated;
    const writerCaller = callerWithToken(
      stack,
      await clientToken(writer.tokenUrl, writer.clientId, writer.clientSecret),
    );
    const create = await writerCaller.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
    });
    expect(create.status).toBe(404);
    const assess = await writerCaller.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(gasSource.id)}/assessments`,
      { body: { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } } },
    );
    expect(assess.status).toBe(404);
  });

  it("disabling it refuses its tokens at once; enabling lets them in again", async () => {
    const off = await cityAdmin.call(
      "PATCH",
      `/api/v1/integrators/${platform.clientId}?tenantId=${CHAOYANG}`,
      { body: { status: "disabled" }, headers: { "if-match": '"1"' } },
    );
    expect(off.status).toBe(200);
    expect((await platformCaller.call("GET", "/api/v1/risk-sources")).status).toBe(401);
    const stale = await cityAdmin.call(
      "PATCH",
      `/api/v1/integrators/${platform.clientId}?tenantId=${CHAOYANG}`,
      { body: { status: "active" }, headers: { "if-match": '"1"' } },
    );
    expect(stale.status).toBe(412);
    const on = await cityAdmin.call(
      "PATCH",
      `/api/v1/integrators/${platform.clientId}?tenantId=${CHAOYANG}`,
      { body: { status: "active" }, headers: { "if-match": '"2"' } },
    );
    expect(on.status).toBe(200);
    expect((await platformCaller.call("GET", "/api/v1/risk-sources")).status).toBe(200);
  });

  it("refuses a jurisdiction beyond the government body's own, and agencies", async () => {
    const beyond = await cityAdmin.call("POST", "/api/v1/integrators", {
      body: { name: "越权平台", scopes: ["read"], tenantId: CHAOYANG, jurisdiction: "d:110108" },
    });
    expect(beyond.status).toBe(400);
    expect(JSON.stringify(beyond.body)).toContain("body.jurisdiction");
    const agency = await cityAdmin.call("POST", "/api/v1/integrators", {
      body: { name: "评价机构系统", scopes: ["read"], tenantId: "t-assessment-agency" },
    });
    expect(agency.status).toBe(400);
  });

  it("an enterprise registers its own system, which reads and keeps its own enterprise only", async () => {
    const withJurisdiction = await gasAdmin.call("POST", "/api/v1/integrators", {
      body: { name: "加油站 ERP", scopes: ["read"], jurisdiction: "d:110105" },
    });
    expect(withJurisdiction.status).toBe(400);
    const res = await gasAdmin.call("POST", "/api/v1/integrators", {
      body: { name: "加油站 ERP", scopes: ["read", "write"] },
    });
    expect(res.status).toBe(201);
    const erp = res.body as IntegratorCreated;
    expect(erp).toMatchObject({ tenantId: "t-gas-station-chaoyang", jurisdiction: "" });
    const token = await clientToken(erp.tokenUrl, erp.clientId, erp.clientSecret);
    const erpCaller = callerWithToken(stack, token);
    const listed = await erpCaller.call("GET", "/api/v1/risk-sources");
    expect(listed.status).toBe(200);
    expect(ids(listed.body)).toEqual([gasSource.id]);
    // With the write scope it keeps its enterprise's sources: registers and assesses one.
    const created = await erpCaller.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "储罐区"),
    });
    expect(created.status).toBe(201);
    const source = created.body as RiskSource;
    const assessed = await erpCaller.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      { body: { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } } },
    );
    expect(assessed.status).toBe(201);
    expect(assessed.body).toMatchObject({ grade: { level: "major" } });
    const other = await erpCaller.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(mallSource.id)}/assessments`,
      { body: { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } } },
    );
    expect(other.status).toBe(404);
    const { data } = await store.entities.auditRecord.query
      .byTenant({ tenantId: "t-gas-station-chaoyang" })
      .go({ pages: "all" });
    const createdAudit = data
      .map((d) => d.record as AuditRecord)
      .find((a) => a.action === "riskSource.create" && a.target.id === source.id);
    expect(createdAudit?.actor).toEqual({
      userId: erp.clientId,
      tenantId: "t-gas-station-chaoyang",
      role: "integrator",
    });
    // Other tenants' admins neither see nor change it.
    const mallList = await mallAdmin.call(
      "GET",
      "/api/v1/integrators?tenantId=t-gas-station-chaoyang",
    );
    expect(mallList.status).toBe(404);
    const mallPatch = await mallAdmin.call(
      "PATCH",
      `/api/v1/integrators/${erp.clientId}?tenantId=t-gas-station-chaoyang`,
      { body: { status: "disabled" }, headers: { "if-match": '"1"' } },
    );
    expect(mallPatch.status).toBe(404);
    const cityPatch = await cityAdmin.call(
      "PATCH",
      `/api/v1/integrators/${erp.clientId}?tenantId=t-gas-station-chaoyang`,
      { body: { status: "disabled" }, headers: { "if-match": '"1"' } },
    );
    expect(cityPatch.status).toBe(404);
  });

  it("a client the identity provider knows but nobody registered gets 401", async () => {
    const secret = process.env.CITYRISK_LOCAL_IDP_SECRET ?? "";
    const idp = new LocalIdentityAdmin(stack.baseUrl, secret);
    const rogue = await idp.createMachineClient({ name: "rogue", scopes: ["cityrisk-api/read"] });
    const token = await clientToken(
      `${stack.baseUrl}/oauth2/token`,
      rogue.clientId,
      rogue.clientSecret,
    );
    const res = await callerWithToken(stack, token).call("GET", "/api/v1/risk-sources");
    expect(res.status).toBe(401);
  });

  it("the demo integrator, registered by the seed, reads citywide", async () => {
    const token = await clientToken(
      `${stack.baseUrl}/oauth2/token`,
      "demo-integrator",
      "demo-integrator-secret",
    );
    const res = await callerWithToken(stack, token).call("GET", "/api/v1/risk-sources?limit=100");
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expect.arrayContaining([gasSource.id, mallSource.id]));
  });
});
