import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import type { IdentityAdmin } from "../../../functions/adapters/identity/identity-admin.ts";
import type { acceptInvitation as AcceptInvitation } from "../../../functions/tenancy/invitations.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { User } from "../../../shared/tenancy/user.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { anonymous, invitationToken, signupInput } from "../../support/tenancy-fixtures.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { uniqueName } from "../../support/unique-name.ts";

// Accepting an invitation enables the login in the identity provider before the user record's
// conditional write. When that write fails, the login must not stay enabled. The user record is
// changed between the two steps — deterministically, from inside the identity port's call, after
// the real local identity provider has enabled the login — against DynamoDB Local.
const PASSWORD = "a-good-password-1";

describe("accepting an invitation whose user record write fails", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let chaoyang: ApiCaller;
  let acceptInvitation: typeof AcceptInvitation;
  let identity: IdentityAdmin;

  beforeAll(async () => {
    running = await startTestStack("invitation-failure", { autoApproveSignups: false });
    stack = running.stack;
    store = stackStore(stack);
    await seedDemoTenants(store, new Date());
    chaoyang = await signIn(stack, "official@chaoyang.demo");
    // Imported only now: these modules read the function configuration once, from the stack.
    ({ acceptInvitation } = await import("../../../functions/tenancy/invitations.ts"));
    const { identityAdmin } = await import(
      "../../../functions/adapters/identity/identity-admin-from-config.ts"
    );
    identity = identityAdmin();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await running?.stop();
  });

  /** A sign-up approved by its district: its applicant holds an invitation. */
  async function invitedAdmin(): Promise<{ email: string; token: string; user: User }> {
    const email = `${uniqueName("invitee")}@accept.test`;
    const created = await anonymous(stack).call("POST", "/api/v1/signups", {
      body: signupInput("邀请测试企业", email),
    });
    expect(created.status).toBe(201);
    const tenantId = (created.body as { tenantId: string }).tenantId;
    const approved = await chaoyang.call("POST", `/api/v1/signups/${tenantId}/decision`, {
      body: { decision: "approve" },
      headers: { "if-match": '"1"' },
    });
    expect(approved.status).toBe(200);
    const token = await invitationToken(stack, email);
    const { data } = await store.entities.user.query.byTenant({ tenantId }).go();
    const user = data.find((d) => d.record.email === email)?.record;
    if (!user) throw new Error(`no user record for ${email}`);
    return { email, token, user };
  }

  /** Runs `meanwhile` right after the real identity provider enabled the login. */
  function betweenLoginAndWrite(meanwhile: (user: User) => Promise<void>, user: User) {
    const upsert = identity.upsertLogin.bind(identity);
    vi.spyOn(identity, "upsertLogin").mockImplementation(async (login, password) => {
      await upsert(login, password);
      // The login works at this point: what follows decides whether it keeps working.
      await signIn(stack, login.email, password);
      await meanwhile(user);
    });
  }

  async function putUser(user: User): Promise<void> {
    await store.entities.user
      .put({ tenantId: user.tenantId, userId: user.userId, version: user.version, record: user })
      .go();
  }

  it("disables the login when the user was disabled meanwhile, and reports the write's own error", async () => {
    const { email, token, user } = await invitedAdmin();
    const disabled: User = { ...user, status: "disabled", version: user.version + 1 };
    betweenLoginAndWrite(() => putUser(disabled), user);

    await expect(acceptInvitation(store, token, PASSWORD, new Date())).rejects.toMatchObject({
      code: "invitation.notFound",
    });

    await expect(signIn(stack, email, PASSWORD)).rejects.toThrow(/sign-in of .* failed/);
    const { data } = await store.entities.user
      .get({ tenantId: user.tenantId, userId: user.userId })
      .go();
    expect(data?.record).toEqual(disabled);
  });

  it("leaves the login enabled when a concurrent acceptance of the same link activated the user", async () => {
    const { email, token, user } = await invitedAdmin();
    const at = new Date().toISOString();
    const activated: User = {
      ...user,
      status: "active",
      activatedAt: at,
      updatedAt: at,
      version: user.version + 1,
    };
    betweenLoginAndWrite(() => putUser(activated), user);

    await expect(acceptInvitation(store, token, PASSWORD, new Date())).rejects.toMatchObject({
      code: "invitation.notFound",
    });

    const admin = await signIn(stack, email, PASSWORD);
    expect((await admin.call("GET", "/api/v1/me")).body).toMatchObject({
      email,
      tenantId: user.tenantId,
    });
  });

  it("accepts as before when nothing interferes", async () => {
    const { email, token, user } = await invitedAdmin();

    await expect(acceptInvitation(store, token, PASSWORD, new Date())).resolves.toEqual({
      email,
      tenantId: user.tenantId,
      userId: user.userId,
    });

    await expect(signIn(stack, email, PASSWORD)).resolves.toMatchObject({
      token: expect.any(String),
    });
  });
});
