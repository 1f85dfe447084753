import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { sweepDue } from "../../../functions/platform/outbox/sweep.ts";
import { signUp } from "../../../functions/tenancy/signups.ts";
import { capturedMail } from "../../support/captured-mail.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { signupInput } from "../../support/tenancy-fixtures.ts";
import { uniqueName } from "../../support/unique-name.ts";
import { waitFor } from "../../support/wait-for.ts";

// CITYRISK_AUTO_APPROVE_SIGNUPS (the local demo): the sign-up is approved in the same request,
// against DynamoDB Local and the run's mail capture.
describe("sign-up with auto-approval", () => {
  let store: Store;

  beforeAll(async () => {
    const table = await freshTable("auto-approval");
    store = storeFor(localAws().dynamodb, table.tableName);
  });

  it("activates the tenant, invites its admin and mails the link through the outbox", async () => {
    const email = `${uniqueName("auto")}@applicant.test`;

    const created = await signUp(
      store,
      signupInput("自动审批的公司", email),
      "http://localhost:3000",
      {
        autoApprove: true,
      },
    );

    expect(created).toEqual({ tenantId: expect.any(String), status: "active" });
    const tenant = await store.entities.tenant.get({ tenantId: created.tenantId }).go();
    expect(tenant.data?.record).toMatchObject({
      status: "active",
      version: 2,
      decision: { by: "system:auto-approval" },
    });
    const users = await store.entities.user.query.byTenant({ tenantId: created.tenantId }).go();
    expect(users.data.map((u) => u.record)).toEqual([
      expect.objectContaining({ email, role: "enterpriseAdmin", status: "invited" }),
    ]);
    // No stream runs here: a sweep past the stream's grace period delivers the outbox.
    await sweepDue(store, new Date(Date.now() + 5 * 60_000));
    const mail = await waitFor(() => capturedMail().find((m) => m.to.includes(email)));
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}/);
    const signups = await store.entities.tenant.query
      .signupsByDistrict({ district: "110105" })
      .go();
    expect(signups.data).toEqual([]);
  });
});
