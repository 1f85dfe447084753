import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { Tenant } from "../../../shared/tenancy/tenant.ts";
import type { Page } from "../../../shared/tenancy/views.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import {
  anonymous,
  freshUscc,
  JIUXIANQIAO_GAS,
  OUTBOX_WAIT_MS,
  signupInput,
} from "../../support/tenancy-fixtures.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { uniqueName } from "../../support/unique-name.ts";
import { waitFor } from "../../support/wait-for.ts";

// A sign-up that took over a census pre-registration and is then rejected hands the tenant back
// to the census (`preregistered`, credit-code claim kept) instead of ending it `rejected` with
// the claim released — which stranded the census data on a tenant nothing could reach again.
// Through the local gateway against DynamoDB Local.
describe("rejecting a sign-up that took over a census pre-registration", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let visitor: ApiCaller;
  let chaoyang: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("census-rejection", { autoApproveSignups: false });
    stack = running.stack;
    store = stackStore(stack);
    await seedDemoTenants(store, new Date());
    visitor = anonymous(stack);
    chaoyang = await signIn(stack, "official@chaoyang.demo");
  });

  afterAll(async () => {
    await running?.stop();
  });

  /** A tenant as the census import leaves it: `preregistered`, owning its credit code. */
  async function preregistered(uscc: string): Promise<Tenant> {
    const at = new Date().toISOString();
    const tenant: Tenant = {
      id: `t-${uniqueName("census")}`,
      version: 1,
      createdAt: at,
      updatedAt: at,
      kind: "enterprise",
      status: "preregistered",
      name: "普查登记企业",
      uscc,
      ...JIUXIANQIAO_GAS,
    };
    await store.entities.tenant
      .create({
        tenantId: tenant.id,
        kind: tenant.kind,
        status: tenant.status,
        ...JIUXIANQIAO_GAS,
        version: 1,
        record: tenant,
      })
      .go();
    await store.entities.uniqueClaim
      .create({ kind: "uscc", value: uscc, tenantId: tenant.id, ownerId: tenant.id })
      .go();
    return tenant;
  }

  async function storedTenant(tenantId: string): Promise<Tenant | undefined> {
    return (await store.entities.tenant.get({ tenantId }).go()).data?.record;
  }

  async function usccOwner(uscc: string): Promise<string | undefined> {
    return (await store.entities.uniqueClaim.get({ kind: "uscc", value: uscc }).go()).data
      ?.tenantId;
  }

  async function queued(): Promise<string[]> {
    const res = await chaoyang.call("GET", "/api/v1/signups");
    return (res.body as Page<Tenant>).items.map((t) => t.id);
  }

  it("marks the taken-over tenant as claimed from the census", async () => {
    const uscc = freshUscc();
    const census = await preregistered(uscc);
    const email = `${uniqueName("applicant")}@census.test`;

    const res = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("普查登记企业（正式名称）", email, JIUXIANQIAO_GAS, uscc),
    });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ tenantId: census.id, status: "pending" });
    expect(await storedTenant(census.id)).toMatchObject({
      status: "pending",
      claimedFrom: "census",
      applicant: { email },
    });
  });

  it("returns the tenant to preregistered, keeping its credit code's claim, and tells the applicant", async () => {
    const uscc = freshUscc();
    const census = await preregistered(uscc);
    const email = `${uniqueName("applicant")}@census.test`;
    await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("普查登记企业（正式名称）", email, JIUXIANQIAO_GAS, uscc),
    });

    const res = await chaoyang.call("POST", `/api/v1/signups/${census.id}/decision`, {
      body: { decision: "reject", comment: "申请人与企业不符" },
      headers: { "if-match": '"2"' },
    });

    expect(res.status).toBe(200);
    const expected: Tenant = {
      id: census.id,
      kind: "enterprise",
      status: "preregistered",
      name: "普查登记企业（正式名称）",
      uscc,
      ...JIUXIANQIAO_GAS,
      decision: { by: "u-chaoyang-official", at: expect.any(String), comment: "申请人与企业不符" },
      version: 3,
      createdAt: census.createdAt,
      updatedAt: expect.any(String),
    };
    expect(res.body).toEqual(expected);
    expect(await storedTenant(census.id)).toEqual(expected);
    expect(await usccOwner(uscc)).toBe(census.id);
    expect(await queued()).not.toContain(census.id);
    // The rejection mail follows through the outbox and the table's stream.
    const mail = await waitFor(() => stack.mail.list().find((m) => m.to.includes(email)), {
      description: "the rejection mail",
      timeoutMs: OUTBOX_WAIT_MS,
    });
    expect(mail.text).toContain("申请人与企业不符");
    const audit = await store.entities.auditRecord.query.byTenant({ tenantId: census.id }).go();
    expect(audit.data.map((d) => d.record.action).sort()).toEqual([
      "tenant.reject",
      "tenant.signup",
    ]);
  });

  it("lets the next sign-up with the credit code take the same tenant over again", async () => {
    const uscc = freshUscc();
    const census = await preregistered(uscc);
    await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("冒名企业", `${uniqueName("first")}@census.test`, JIUXIANQIAO_GAS, uscc),
    });
    await chaoyang.call("POST", `/api/v1/signups/${census.id}/decision`, {
      body: { decision: "reject" },
      headers: { "if-match": '"2"' },
    });
    const email = `${uniqueName("second")}@census.test`;

    const res = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("普查登记企业（正式名称）", email, JIUXIANQIAO_GAS, uscc),
    });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ tenantId: census.id, status: "pending" });
    expect(await storedTenant(census.id)).toMatchObject({
      status: "pending",
      version: 4,
      claimedFrom: "census",
      applicant: { email },
    });
    expect(await usccOwner(uscc)).toBe(census.id);
    expect(await queued()).toContain(census.id);
  });

  it("still ends a sign-up of its own rejected, releasing its credit code", async () => {
    const uscc = freshUscc();
    const created = await visitor.call("POST", "/api/v1/signups", {
      body: signupInput("新注册企业", `${uniqueName("own")}@census.test`, JIUXIANQIAO_GAS, uscc),
    });
    const tenantId = (created.body as { tenantId: string }).tenantId;

    const res = await chaoyang.call("POST", `/api/v1/signups/${tenantId}/decision`, {
      body: { decision: "reject" },
      headers: { "if-match": '"1"' },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "rejected", version: 2 });
    expect((res.body as Tenant).claimedFrom).toBeUndefined();
    expect(await usccOwner(uscc)).toBeUndefined();
  });
});
