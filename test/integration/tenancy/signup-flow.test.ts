import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { tokenHash } from "../../../functions/tenancy/invitations.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { AuditRecord } from "../../../shared/audit/audit-record.ts";
import type { Tenant } from "../../../shared/tenancy/tenant.ts";
import type { Page } from "../../../shared/tenancy/views.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import {
  anonymous,
  freshUscc,
  invitationToken,
  JIUXIANQIAO_GAS,
  OUTBOX_WAIT_MS,
  signupInput,
} from "../../support/tenancy-fixtures.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { uniqueName } from "../../support/unique-name.ts";
import { waitFor } from "../../support/wait-for.ts";

// Enterprise sign-up → approval by the official over its place → invitation by e-mail → first
// sign-in, through the local gateway against DynamoDB Local, with the refusals along the way.
describe("enterprise sign-up and approval", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let visitor: ApiCaller;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let gasOfficial: ApiCaller;
  const adminEmail = `${uniqueName("admin")}@new-station.test`;
  const signup = signupInput("北京酒仙桥新能源加油站有限公司", adminEmail);
  let tenantId: string;
  let token: string;
  let newAdmin: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("tenancy-signup", { autoApproveSignups: false });
    stack = running.stack;
    store = stackStore(stack);
    await seedDemoTenants(store, new Date());
    visitor = anonymous(stack);
    [chaoyang, haidian, gasOfficial] = await Promise.all([
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "official@gas.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function queue(official: ApiCaller): Promise<Page<Tenant>> {
    const res = await official.call("GET", "/api/v1/signups");
    expect(res.status).toBe(200);
    return res.body as Page<Tenant>;
  }

  it("signs an enterprise up as pending, with its profile, credit-code claim and audit record", async () => {
    const res = await visitor.call("POST", "/api/v1/signups", { body: signup });

    expect(res.status).toBe(201);
    const body = res.body as { tenantId: string; status: string };
    expect(body).toEqual({
      tenantId: expect.stringMatching(/^t-[0-9a-z]{26}$/),
      status: "pending",
    });
    tenantId = body.tenantId;
    const claim = await store.entities.uniqueClaim.get({ kind: "uscc", value: signup.uscc }).go();
    expect(claim.data).toMatchObject({ tenantId, ownerId: tenantId });
    const profile = await store.entities.enterprise.get({ tenantId }).go();
    expect(profile.data?.record).toMatchObject({ uscc: signup.uscc, street: "酒仙桥街道" });
    const audit = await store.entities.auditRecord.query.byTenant({ tenantId }).go();
    expect(audit.data.map((d) => d.record.action)).toEqual(["tenant.signup"]);
  });

  it("refuses unknown fields and a bad credit code field by field, in both languages", async () => {
    const res = await visitor.call("POST", "/api/v1/signups", {
      body: { ...signupInput("x", "x@x.test"), uscc: "91110105MA01ABCD30", plan: "gold" },
      headers: { "accept-language": "en" },
    });

    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const paths = (res.body as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.uscc", "body"]));
  });

  it("refuses a second sign-up with the same credit code with 409, writing nothing", async () => {
    const before = await store.entities.tenant.query
      .byKind({ kind: "enterprise" })
      .go({ pages: "all" });
    const other = `${uniqueName("other")}@new-station.test`;

    const res = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("另一家公司", other, JIUXIANQIAO_GAS, signup.uscc),
    });

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "signup.conflict", status: 409 });
    const after = await store.entities.tenant.query
      .byKind({ kind: "enterprise" })
      .go({ pages: "all" });
    expect(after.data.length).toBe(before.data.length);
    expect(stack.mail.list().some((m) => m.to.includes(other))).toBe(false);
  });

  it("refuses a sign-up whose admin e-mail already has an account", async () => {
    const res = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("重复邮箱公司", "admin@gas-station.demo"),
    });
    expect(res.status).toBe(409);
  });

  it("queues the sign-up for the district and the industry over it, not for another district", async () => {
    expect((await queue(chaoyang)).items.map((t) => t.id)).toContain(tenantId);
    expect((await queue(gasOfficial)).items.map((t) => t.id)).toContain(tenantId);
    expect((await queue(haidian)).items.map((t) => t.id)).not.toContain(tenantId);
  });

  it("answers 404 to an official outside the jurisdiction, leaving the tenant pending", async () => {
    const res = await haidian.call("POST", `/api/v1/signups/${tenantId}/decision`, {
      body: { decision: "approve" },
      headers: { "if-match": '"1"' },
    });

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "signup.notFound" });
    const tenant = await store.entities.tenant.get({ tenantId }).go();
    expect(tenant.data?.record.status).toBe("pending");
  });

  it("needs If-Match with the tenant's version", async () => {
    const path = `/api/v1/signups/${tenantId}/decision`;
    const body = { decision: "approve" };
    expect((await chaoyang.call("POST", path, { body })).status).toBe(428);
    expect(
      (await chaoyang.call("POST", path, { body, headers: { "if-match": '"9"' } })).status,
    ).toBe(412);
  });

  it("approves: tenant active, admin invited, invitation e-mailed with a one-time link", async () => {
    const res = await chaoyang.call("POST", `/api/v1/signups/${tenantId}/decision`, {
      body: { decision: "approve", comment: "材料齐全" },
      headers: { "if-match": '"1"' },
    });

    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(res.body).toMatchObject({
      id: tenantId,
      status: "active",
      version: 2,
      decision: { by: "u-chaoyang-official", comment: "材料齐全" },
    });
    expect((await queue(chaoyang)).items.map((t) => t.id)).not.toContain(tenantId);
    token = await invitationToken(stack, adminEmail);
    const claim = await store.entities.uniqueClaim
      .get({ kind: "invitation", value: tokenHash(token) })
      .go();
    const sevenDays = Math.floor(Date.now() / 1000) + 7 * 24 * 3600;
    expect(claim.data?.expiresAt).toBeGreaterThan(sevenDays - 60);
    expect(claim.data?.expiresAt).toBeLessThanOrEqual(sevenDays);
  });

  it("refuses to decide the same sign-up twice", async () => {
    const res = await chaoyang.call("POST", `/api/v1/signups/${tenantId}/decision`, {
      body: { decision: "reject" },
      headers: { "if-match": '"2"' },
    });
    expect(res.status).toBe(409);
  });

  it("shows the invitation, then accepts it once with a password of 10 characters or more", async () => {
    const shown = await visitor.call("GET", `/api/v1/invitations/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      email: adminEmail,
      name: "赵敏",
      role: "enterpriseAdmin",
      tenantName: "北京酒仙桥新能源加油站有限公司",
      expiresAt: expect.any(String),
    });

    const short = await visitor.call("POST", `/api/v1/invitations/${token}/accept`, {
      body: { password: "short" },
    });
    expect(short.status).toBe(400);

    const accepted = await visitor.call("POST", `/api/v1/invitations/${token}/accept`, {
      body: { password: "a-good-password-1" },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ email: adminEmail, tenantId });

    const again = await visitor.call("POST", `/api/v1/invitations/${token}/accept`, {
      body: { password: "another-password-2" },
    });
    expect(again.status).toBe(404);
    expect((await visitor.call("GET", `/api/v1/invitations/${token}`)).status).toBe(404);
  });

  it("lets the new admin sign in with the enterprise's tenant, role and place", async () => {
    newAdmin = await signIn(stack, adminEmail, "a-good-password-1");
    const me = await newAdmin.call("GET", "/api/v1/me");

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: adminEmail,
      tenantId,
      role: "enterpriseAdmin",
      jurisdiction: "d:110105;i:gas",
    });
    const users = await newAdmin.call("GET", "/api/v1/users");
    expect(users.body).toMatchObject({
      items: [{ email: adminEmail, status: "active", role: "enterpriseAdmin" }],
      nextCursor: null,
    });
    await expect(signIn(stack, adminEmail, "another-password-2")).rejects.toThrow();
  });

  it("records every step in the audit trail, newest first, readable by the admin and the district", async () => {
    const own = await newAdmin.call("GET", "/api/v1/audit");
    expect(own.status).toBe(200);
    const actions = (own.body as Page<AuditRecord>).items.map((r) => r.action);
    // The approval and the invitation share one transaction (and millisecond): either order.
    expect(actions[0]).toBe("user.activate");
    expect(actions.slice(1, 3).sort()).toEqual(["tenant.approve", "user.invite"]);
    expect(actions[3]).toBe("tenant.signup");
    expect(actions).toHaveLength(4);

    const district = await chaoyang.call("GET", `/api/v1/audit?tenantId=${tenantId}`);
    expect(district.status).toBe(200);
    expect((await haidian.call("GET", `/api/v1/audit?tenantId=${tenantId}`)).status).toBe(404);
    const after = await newAdmin.call("GET", "/api/v1/audit?limit=1");
    expect((after.body as Page<AuditRecord>).items[0]).toMatchObject({
      action: "auditTrail.read",
      actor: { userId: "u-chaoyang-official", tenantId: "t-district-110105" },
    });
  });

  it("rejects with a comment: the applicant is told and the credit code is free again", async () => {
    const email = `${uniqueName("rejected")}@applicant.test`;
    const uscc = freshUscc();
    const created = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("资料不全的公司", email, JIUXIANQIAO_GAS, uscc),
    });
    const rejectedId = (created.body as { tenantId: string }).tenantId;

    const res = await chaoyang.call("POST", `/api/v1/signups/${rejectedId}/decision`, {
      body: { decision: "reject", comment: "营业执照不清晰" },
      headers: { "if-match": '"1"' },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "rejected", decision: { comment: "营业执照不清晰" } });
    // The rejection mail follows the decision through the outbox and the table's stream.
    const mail = await waitFor(() => stack.mail.list().find((m) => m.to.includes(email)), {
      description: "the rejection mail",
      timeoutMs: OUTBOX_WAIT_MS,
    });
    expect(mail.text).toContain("营业执照不清晰");
    expect(await store.entities.user.query.byTenant({ tenantId: rejectedId }).go()).toMatchObject({
      data: [],
    });
    const retry = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("资料补全的公司", email, JIUXIANQIAO_GAS, uscc),
    });
    expect(retry.status).toBe(201);
  });

  it("lets an enterprise pre-registered by the census take its tenant over by signing up", async () => {
    const uscc = freshUscc();
    const at = new Date().toISOString();
    const census: Tenant = {
      id: "t-census-preregistered",
      version: 1,
      createdAt: at,
      updatedAt: at,
      kind: "enterprise",
      status: "preregistered",
      name: "普查登记企业",
      uscc,
      district: "110105",
      street: "酒仙桥街道",
      industry: "gas",
    };
    await store.entities.tenant
      .create({
        tenantId: census.id,
        kind: "enterprise",
        status: "preregistered",
        district: "110105",
        street: "酒仙桥街道",
        industry: "gas",
        version: 1,
        record: census,
      })
      .go();
    await store.entities.uniqueClaim
      .create({ kind: "uscc", value: uscc, tenantId: census.id, ownerId: census.id })
      .go();
    const email = `${uniqueName("census")}@applicant.test`;

    const res = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("普查登记企业（正式名称）", email, JIUXIANQIAO_GAS, uscc),
    });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ tenantId: census.id, status: "pending" });
    const tenant = await store.entities.tenant.get({ tenantId: census.id }).go();
    expect(tenant.data?.record).toMatchObject({
      status: "pending",
      version: 2,
      name: "普查登记企业（正式名称）",
      applicant: { email },
    });
    expect((await queue(chaoyang)).items.map((t) => t.id)).toContain(census.id);
  });

  it("refuses an expired invitation even before DynamoDB's TTL removes it", async () => {
    const email = `${uniqueName("late")}@applicant.test`;
    const created = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("迟到的公司", email),
    });
    const lateId = (created.body as { tenantId: string }).tenantId;
    await gasOfficial.call("POST", `/api/v1/signups/${lateId}/decision`, {
      body: { decision: "approve" },
      headers: { "if-match": '"1"' },
    });
    const late = await invitationToken(stack, email);
    await store.entities.uniqueClaim
      .patch({ kind: "invitation", value: tokenHash(late) })
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .go();

    expect((await visitor.call("GET", `/api/v1/invitations/${late}`)).status).toBe(404);
    const res = await visitor.call("POST", `/api/v1/invitations/${late}/accept`, {
      body: { password: "a-good-password-1" },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "invitation.notFound" });
  });

  it("keeps public routes public and the queue for officials only", async () => {
    expect((await visitor.call("GET", "/api/v1/signups")).status).toBe(401);
    const mallAdmin = await signIn(stack, "admin@mall.demo");
    expect((await mallAdmin.call("GET", "/api/v1/signups")).status).toBe(403);
  });
});
