import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import { IDENTITY_ADMIN_ACTIONS } from "../constructs/identity-admin-grant.ts";
import { type BuiltApp, buildApp, iamStatements, logicalId } from "./build-app.ts";

interface FunctionResource {
  Properties: { Environment?: { Variables?: Record<string, unknown> } };
}

describe("identity admin grant (manifest `identityAdmin`)", () => {
  let built: BuiltApp;
  let template: Template;
  beforeAll(() => {
    built = buildApp({ manifest, schedules, messaging });
    template = Template.fromStack(built.api);
  });

  const fromPool = () => ({
    "Fn::ImportValue": expect.stringContaining(logicalId(built.auth.userPool)),
  });

  it("allows exactly the Cognito admin actions, on the product's user pool only", () => {
    const cognito = iamStatements(template).filter((s) =>
      (typeof s.Action === "string" ? [s.Action] : s.Action).some((a) =>
        a.startsWith("cognito-idp:"),
      ),
    );
    const declaring = manifest.filter((f) => f.identityAdmin);
    expect(cognito).toEqual(
      declaring.map(() => ({
        Effect: "Allow",
        Action: [...IDENTITY_ADMIN_ACTIONS],
        Resource: fromPool(),
      })),
    );
  });

  it("covers the integrators' OAuth clients, each action named, none wildcarded", () => {
    expect(IDENTITY_ADMIN_ACTIONS).toEqual(
      expect.arrayContaining([
        "cognito-idp:CreateUserPoolClient",
        "cognito-idp:DeleteUserPoolClient",
      ]),
    );
    expect(IDENTITY_ADMIN_ACTIONS.filter((a) => a.includes("*"))).toEqual([]);
  });

  it("gives the pool id only to the functions that declare identityAdmin", () => {
    const declaring = manifest.filter((f) => f.identityAdmin).map((f) => f.id);
    // The tenancy API creates logins and clients; the outbox carries later login changes.
    expect(declaring).toEqual(["tenancy-api", "outbox-relay", "outbox-sweeper"]);
    for (const [id, fn] of built.api.functions) {
      const resource = template.toJSON().Resources[logicalId(fn.function)] as FunctionResource;
      const env = resource.Properties.Environment?.Variables ?? {};
      if (declaring.includes(id)) expect(env.COGNITO_USER_POOL_ID).toEqual(fromPool());
      else expect(env.COGNITO_USER_POOL_ID).toBeUndefined();
    }
  });
});
