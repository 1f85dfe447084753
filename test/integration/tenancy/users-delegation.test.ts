import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { delegatedSources } from "../../../functions/tenancy/delegation-access.ts";
import type { StoredLogin } from "../../../infra/local/identity/login-store.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { AuditRecord } from "../../../shared/audit/audit-record.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { Tenant } from "../../../shared/tenancy/tenant.ts";
import type { User } from "../../../shared/tenancy/user.ts";
import type { AgencyView, DelegationView, Page } from "../../../shared/tenancy/views.ts";
import { riskSourceInput } from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { anonymous, invitationToken, OUTBOX_WAIT_MS } from "../../support/tenancy-fixtures.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { uniqueName } from "../../support/unique-name.ts";
import { waitFor } from "../../support/wait-for.ts";

/** Whether the local provider's login store (identity/users.json) holds the e-mail enabled. */
async function loginEnabled(stack: LocalStack, email: string): Promise<boolean> {
  const text = await readFile(join(stack.dataDir, "identity", "users.json"), "utf8").catch(
    () => "[]",
  );
  const logins = JSON.parse(text) as StoredLogin[];
  return logins.find((l) => l.email === email)?.enabled ?? true;
}

// Users, agency tenants, delegation and export through the local gateway against DynamoDB Local.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const DAY = 24 * 3600 * 1000;

describe("users, agencies, delegation and export", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let gasAdmin: ApiCaller;
  let mallAdmin: ApiCaller;
  let cityAdmin: ApiCaller;
  let chaoyang: ApiCaller;
  let assessor: ApiCaller;

  beforeAll(async () => {
    // No result cache: a disabled user must be refused on their very next request.
    running = await startTestStack("tenancy-users", {
      autoApproveSignups: false,
      authorizerCacheSeconds: 0,
    });
    stack = running.stack;
    store = stackStore(stack);
    await seedDemoTenants(store, new Date());
    [gasAdmin, mallAdmin, cityAdmin, chaoyang, assessor] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
      signIn(stack, "admin@city.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "assessor@agency.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  describe("demo seed", () => {
    it("is idempotent: a second run creates nothing", async () => {
      expect(await seedDemoTenants(store, new Date())).toMatchObject({ created: 0 });
    });
  });

  describe("users", () => {
    const staffEmail = `${uniqueName("staff")}@gas-station.test`;
    let staff: User;

    it("masks phones per role: the enterprise admin sees its own, the city admin does not", async () => {
      const own = (await gasAdmin.call("GET", "/api/v1/users")).body as Page<User>;
      expect(own.items).toEqual([
        expect.objectContaining({ email: "admin@gas-station.demo", phone: "13900000005" }),
      ]);

      const district = await cityAdmin.call("GET", "/api/v1/users?tenantId=t-district-110105");
      expect(district.status).toBe(200);
      expect((district.body as Page<User>).items).toEqual([
        expect.objectContaining({ email: "official@chaoyang.demo", phone: "139****0002" }),
      ]);
      const city = (await cityAdmin.call("GET", "/api/v1/users")).body as Page<User>;
      expect(city.items[0]?.phone).toBe("139****0001");
    });

    it("answers 404 for another tenant's users, and keeps enterprises out of the city admin's reach", async () => {
      expect((await gasAdmin.call("GET", "/api/v1/users?tenantId=t-mall-haidian")).status).toBe(
        404,
      );
      expect((await cityAdmin.call("GET", "/api/v1/users?tenantId=t-mall-haidian")).status).toBe(
        404,
      );
      expect((await chaoyang.call("GET", "/api/v1/users")).status).toBe(403);
    });

    it("invites staff with a role the enterprise allows; refuses others and a taken e-mail", async () => {
      const res = await gasAdmin.call("POST", "/api/v1/users/invitations", {
        body: { email: staffEmail, name: "孙丽", role: "enterpriseStaff" },
      });
      expect(res.status).toBe(201);
      staff = res.body as User;
      expect(staff).toMatchObject({
        tenantId: "t-gas-station-chaoyang",
        role: "enterpriseStaff",
        status: "invited",
        jurisdiction: "d:110105;i:gas",
      });

      const wrongRole = await gasAdmin.call("POST", "/api/v1/users/invitations", {
        body: { email: `${uniqueName("x")}@x.test`, name: "x", role: "assessor" },
      });
      expect(wrongRole.status).toBe(400);
      expect(wrongRole.body).toMatchObject({ code: "user.invalidMembership" });
      const taken = await gasAdmin.call("POST", "/api/v1/users/invitations", {
        body: { email: "admin@mall.demo", name: "x", role: "enterpriseStaff" },
      });
      expect(taken.status).toBe(409);
      const foreign = await gasAdmin.call("POST", "/api/v1/users/invitations", {
        body: {
          email: `${uniqueName("x")}@x.test`,
          name: "x",
          role: "enterpriseStaff",
          tenantId: "t-mall-haidian",
        },
      });
      expect(foreign.status).toBe(404);
    });

    it("disables and re-enables a seeded demo official: 200 both times, and the login follows", async () => {
      // Found in issue 10: the record was saved, then the identity call failed ("no such login")
      // and the answer was 500; a retry got 412.
      const key = { tenantId: "t-district-110108", userId: "u-haidian-official" };
      const before = (await store.entities.user.get(key).go()).data?.record as User;
      const path = `/api/v1/users/${key.userId}?tenantId=${key.tenantId}`;

      const disabled = await cityAdmin.call("PATCH", path, {
        body: { status: "disabled" },
        headers: { "if-match": `"${before.version}"` },
      });
      expect(disabled.status).toBe(200);
      // The login store is watched rather than signed in to in a loop: the provider allows ten
      // password attempts a minute per user, and a polling loop would lock the login out.
      await waitFor(() => loginEnabled(stack, "official@haidian.demo").then((on) => !on), {
        description: "the demo login to be disabled",
        timeoutMs: OUTBOX_WAIT_MS,
      });
      await expect(signIn(stack, "official@haidian.demo")).rejects.toThrow();

      const enabled = await cityAdmin.call("PATCH", path, {
        body: { status: "active" },
        headers: { "if-match": `"${before.version + 1}"` },
      });
      expect(enabled.status).toBe(200);
      await waitFor(() => loginEnabled(stack, "official@haidian.demo"), {
        description: "the demo login to be enabled again",
        timeoutMs: OUTBOX_WAIT_MS,
      });
      await signIn(stack, "official@haidian.demo");
    });

    it("disables a user who accepted: the login and tokens already issued stop working; yourself you cannot disable", async () => {
      const token = await invitationToken(stack, staffEmail);
      await anonymous(stack).call("POST", `/api/v1/invitations/${token}/accept`, {
        body: { password: "staff-password-1" },
      });
      const signedIn = await signIn(stack, staffEmail, "staff-password-1");
      expect((await signedIn.call("GET", "/api/v1/risk-sources")).status).toBe(200);
      const current = (
        await store.entities.user.get({ tenantId: staff.tenantId, userId: staff.userId }).go()
      ).data?.record as User;

      const res = await gasAdmin.call("PATCH", `/api/v1/users/${staff.userId}`, {
        body: { status: "disabled" },
        headers: { "if-match": `"${current.version}"` },
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: "disabled", version: current.version + 1 });
      // The login follows the record through the outbox and the table's stream.
      await waitFor(
        () =>
          signIn(stack, staffEmail, "staff-password-1").then(
            () => false,
            () => true,
          ),
        { description: "the login to be disabled", timeoutMs: OUTBOX_WAIT_MS },
      );
      // The token issued before is refused at once by the authorizer, which reads the record.
      expect((await signedIn.call("GET", "/api/v1/risk-sources")).status).toBe(401);
      const stale = await gasAdmin.call("PATCH", `/api/v1/users/${staff.userId}`, {
        body: { status: "active" },
        headers: { "if-match": `"${current.version}"` },
      });
      expect(stale.status).toBe(412);
      const self = await gasAdmin.call("PATCH", "/api/v1/users/u-gas-station-admin", {
        body: { status: "disabled" },
        headers: { "if-match": '"1"' },
      });
      expect(self.status).toBe(409);
      const audit = (await gasAdmin.call("GET", "/api/v1/audit?limit=3")).body as Page<AuditRecord>;
      expect(audit.items[0]).toMatchObject({
        action: "user.update",
        target: { type: "user", id: staff.userId },
        before: { status: "active" },
        after: { status: "disabled" },
      });
    });
  });

  describe("agency tenants", () => {
    it("lets the city admin create a street office inside a district, with its first official", async () => {
      const email = `${uniqueName("street")}@jiuxianqiao.test`;
      const res = await cityAdmin.call("POST", "/api/v1/tenants", {
        body: {
          kind: "government",
          name: "朝阳区酒仙桥街道办事处",
          jurisdiction: "d:110105/酒仙桥街道",
          firstUser: {
            email,
            name: "周杰",
            role: "streetOfficial",
            jurisdiction: "d:110105/酒仙桥街道",
          },
        },
      });

      expect(res.status).toBe(201);
      const tenant = res.body as Tenant;
      expect(tenant).toMatchObject({
        kind: "government",
        status: "active",
        jurisdiction: "d:110105/酒仙桥街道",
      });
      const listed = (await cityAdmin.call("GET", "/api/v1/tenants?kind=government"))
        .body as Page<Tenant>;
      expect(listed.items.map((t) => t.id)).toContain(tenant.id);
      const token = await invitationToken(stack, email);
      await anonymous(stack).call("POST", `/api/v1/invitations/${token}/accept`, {
        body: { password: "street-password-1" },
      });
      const official = await signIn(stack, email, "street-password-1");
      expect((await official.call("GET", "/api/v1/me")).body).toMatchObject({
        tenantId: tenant.id,
        role: "streetOfficial",
        jurisdiction: "d:110105/酒仙桥街道",
      });
    });

    it("refuses a jurisdiction outside the catalogs, and non-admins", async () => {
      const bad = await cityAdmin.call("POST", "/api/v1/tenants", {
        body: { kind: "government", name: "不存在的区", jurisdiction: "d:999999" },
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: "tenant.invalidJurisdiction" });
      const unknown = await cityAdmin.call("POST", "/api/v1/tenants", {
        body: { kind: "assessmentAgency", name: "机构", jurisdiction: "*" },
      });
      expect(unknown.status).toBe(400);
      const forbidden = await gasAdmin.call("POST", "/api/v1/tenants", {
        body: { kind: "assessmentAgency", name: "自建机构" },
      });
      expect(forbidden.status).toBe(403);
    });
  });

  describe("delegation", () => {
    let source: RiskSource;
    let delegation: DelegationView;

    beforeAll(async () => {
      const res = await gasAdmin.call("POST", "/api/v1/risk-sources", {
        body: riskSourceInput(GAS),
      });
      expect(res.status).toBe(201);
      source = res.body as RiskSource;
    });

    it("lists active assessment agencies for the enterprise's picker", async () => {
      const res = await gasAdmin.call("GET", "/api/v1/agencies");
      expect((res.body as Page<AgencyView>).items).toContainEqual({
        tenantId: "t-assessment-agency",
        name: "北京安平示范安全评价有限公司",
      });
    });

    it("refuses an unknown agency, another enterprise's source and an expiry out of range", async () => {
      const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
      const cases = [
        { agencyTenantId: "t-mall-haidian", riskSourceIds: [source.id], expiresAt },
        { agencyTenantId: "t-assessment-agency", riskSourceIds: ["t-mall-haidian~01X"], expiresAt },
        {
          agencyTenantId: "t-assessment-agency",
          riskSourceIds: [source.id],
          expiresAt: new Date(Date.now() - DAY).toISOString(),
        },
        {
          agencyTenantId: "t-assessment-agency",
          riskSourceIds: [source.id],
          expiresAt: new Date(Date.now() + 400 * DAY).toISOString(),
        },
      ];
      const codes = [];
      for (const body of cases) {
        const res = await gasAdmin.call("POST", "/api/v1/delegations", { body });
        expect(res.status).toBe(400);
        codes.push((res.body as { code: string }).code);
      }
      expect(codes).toEqual([
        "delegation.invalidAgency",
        "delegation.invalidSources",
        "delegation.invalidExpiry",
        "delegation.invalidExpiry",
      ]);
    });

    it("grants, lists on both sides and gives the agency reach until the expiry", async () => {
      const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
      const res = await gasAdmin.call("POST", "/api/v1/delegations", {
        body: { agencyTenantId: "t-assessment-agency", riskSourceIds: [source.id], expiresAt },
      });
      expect(res.status).toBe(201);
      delegation = res.body as DelegationView;
      expect(delegation).toMatchObject({ active: true, revokedAt: null, version: 1, expiresAt });

      const granted = (await gasAdmin.call("GET", "/api/v1/delegations"))
        .body as Page<DelegationView>;
      expect(granted.items).toEqual([
        expect.objectContaining({ id: delegation.id, agencyName: "北京安平示范安全评价有限公司" }),
      ]);
      const received = (await assessor.call("GET", "/api/v1/delegations"))
        .body as Page<DelegationView>;
      expect(received.items).toEqual([
        expect.objectContaining({
          id: delegation.id,
          enterpriseName: "北京朝阳示范加油站有限公司",
        }),
      ]);

      const now = await delegatedSources(store, "t-assessment-agency");
      expect([...(now.get("t-gas-station-chaoyang") ?? [])]).toEqual([source.id]);
      const later = await delegatedSources(
        store,
        "t-assessment-agency",
        new Date(Date.now() + 31 * DAY),
      );
      expect(later.size).toBe(0);

      const used = await assessor.call(
        "GET",
        `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
      );
      expect(used.status).toBe(200);
      expect((used.body as RiskSource).responsiblePerson.phone).toBe("137****7000");
    });

    it("revokes with If-Match: the agency loses reach at once", async () => {
      const path = `/api/v1/delegations/${delegation.id}`;
      expect((await gasAdmin.call("DELETE", path)).status).toBe(428);
      expect(
        (await mallAdmin.call("DELETE", path, { headers: { "if-match": '"1"' } })).status,
      ).toBe(404);

      const res = await gasAdmin.call("DELETE", path, { headers: { "if-match": '"1"' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ active: false, version: 2, revokedAt: expect.any(String) });
      expect((await gasAdmin.call("DELETE", path, { headers: { "if-match": '"2"' } })).status).toBe(
        409,
      );
      expect((await delegatedSources(store, "t-assessment-agency")).size).toBe(0);
      const used = await assessor.call(
        "GET",
        `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
      );
      expect(used.status).toBe(404);
      const received = (await assessor.call("GET", "/api/v1/delegations"))
        .body as Page<DelegationView>;
      expect(received.items[0]).toMatchObject({ id: delegation.id, active: false });
    });
  });

  describe("export", () => {
    it("gives the enterprise admin everything in the tenant's partition, unmasked", async () => {
      const res = await gasAdmin.call("GET", "/api/v1/export");

      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain(
        "cityrisk-export-t-gas-station-chaoyang.json",
      );
      const body = res.body as Record<string, unknown[]> & {
        tenant: Tenant;
        enterprise: { principal: { phone: string } };
      };
      expect(body.tenant).toMatchObject({ id: "t-gas-station-chaoyang", kind: "enterprise" });
      expect(body.enterprise.principal.phone).toBe("13801050001");
      expect(body.users?.map((u) => (u as User).email)).toContain("admin@gas-station.demo");
      expect(body.riskSources).toHaveLength(1);
      expect(body.delegations).toHaveLength(1);
      expect((body.auditRecords as AuditRecord[]).map((r) => r.action)).toEqual(
        expect.arrayContaining([
          "user.invite",
          "user.update",
          "delegation.grant",
          "delegation.revoke",
        ]),
      );
      expect((await chaoyang.call("GET", "/api/v1/export")).status).toBe(403);
      const audit = (await gasAdmin.call("GET", "/api/v1/audit?limit=1")).body as Page<AuditRecord>;
      expect(audit.items[0]?.action).toBe("tenant.export");
    });
  });

  describe("audit trail", () => {
    const trail = async (query: string) => {
      const reply = await gasAdmin.call("GET", `/api/v1/audit?${query}`);
      expect(reply.status).toBe(200);
      return (reply.body as Page<AuditRecord>).items;
    };

    it("filters on the server by kind of record or action, time range and acting user", async () => {
      const all = await trail("limit=200");
      const delegations = await trail("action=delegation&limit=2");
      // Only delegation records, however many other records are newer.
      expect(delegations.map((r) => r.action)).toEqual(["delegation.revoke", "delegation.grant"]);
      expect((await trail("action=delegation.grant")).map((r) => r.action)).toEqual([
        "delegation.grant",
      ]);
      const grant = all.find((r) => r.action === "delegation.grant") as AuditRecord;
      const inRange = await trail(
        `from=${encodeURIComponent(grant.at)}&to=${encodeURIComponent(grant.at)}&limit=200`,
      );
      expect(inRange.map((r) => r.id)).toContain(grant.id);
      expect(inRange.every((r) => r.at === grant.at)).toBe(true);
      const byActor = await trail(`actor=${grant.actor.userId}&limit=200`);
      expect(byActor.length).toBeGreaterThan(0);
      expect(byActor.every((r) => r.actor.userId === grant.actor.userId)).toBe(true);
      expect(await trail("actor=u-nobody")).toEqual([]);
    });

    it("refuses a range that ends before it starts, and a malformed action, naming the field", async () => {
      const backwards = await gasAdmin.call(
        "GET",
        "/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
      );
      expect(backwards.status).toBe(400);
      expect(JSON.stringify(backwards.body)).toContain("query.from");
      const malformed = await gasAdmin.call("GET", "/api/v1/audit?action=risk%20source");
      expect(malformed.status).toBe(400);
      expect(JSON.stringify(malformed.body)).toContain("query.action");
    });
  });
});
