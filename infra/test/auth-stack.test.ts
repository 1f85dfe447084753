import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { CLAIM } from "../../shared/tenancy/claims.ts";
import { INTEGRATOR_SCOPES, RESOURCE_SERVER_ID } from "../../shared/tenancy/integrator-client.ts";
import { ROLES } from "../../shared/tenancy/roles.ts";
import { AuthStack } from "../stacks/auth-stack.ts";
import { FEATURE_FLAGS } from "../stacks/feature-flags.ts";
import { stageConfig } from "../stacks/stage-config.ts";
import { logicalId } from "./build-app.ts";

function synthAuth(stage: string): { stack: AuthStack; template: Template } {
  const app = new App({ context: FEATURE_FLAGS, builtinCloudFormationValidation: false });
  const stack = new AuthStack(app, "Auth", { config: stageConfig(stage) });
  return { stack, template: Template.fromStack(stack) };
}

describe("AuthStack", () => {
  let dev: { stack: AuthStack; template: Template };
  let prod: { stack: AuthStack; template: Template };
  beforeAll(() => {
    dev = synthAuth("dev");
    prod = synthAuth("prod");
  });

  it("declares a mutable string attribute for every tenancy claim", () => {
    const pool = Object.values(dev.template.findResources("AWS::Cognito::UserPool"))[0] as {
      Properties: { Schema: { Name: string; AttributeDataType: string; Mutable: boolean }[] };
    };
    const custom = pool.Properties.Schema.map((a) => `custom:${a.Name}`);
    expect(new Set(custom)).toEqual(new Set(Object.values(CLAIM)));
    for (const a of pool.Properties.Schema) {
      expect(a).toMatchObject({ AttributeDataType: "String", Mutable: true });
    }
  });

  it("requires MFA (TOTP) and a strong password, without self sign-up", () => {
    dev.template.hasResourceProperties("AWS::Cognito::UserPool", {
      MfaConfiguration: "ON",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it("enables threat protection (Plus tier) in prod only", () => {
    prod.template.hasResourceProperties("AWS::Cognito::UserPool", {
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
    });
    dev.template.hasResourceProperties("AWS::Cognito::UserPool", { UserPoolTier: "ESSENTIALS" });
    prod.template.hasResource("AWS::Cognito::UserPool", { DeletionPolicy: "Retain" });
  });

  it("creates one group per role", () => {
    const groups = Object.values(dev.template.findResources("AWS::Cognito::UserPoolGroup")).map(
      (g) => (g as { Properties: { GroupName: string } }).Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it("gives the SPA a public SRP/password client that cannot write tenancy claims", () => {
    const web = dev.template.toJSON().Resources[logicalId(dev.stack.webClient)] as {
      Properties: Record<string, unknown>;
    };
    expect(web.Properties).toMatchObject({
      GenerateSecret: false,
      ExplicitAuthFlows: expect.arrayContaining([
        "ALLOW_USER_SRP_AUTH",
        "ALLOW_USER_PASSWORD_AUTH",
      ]),
      PreventUserExistenceErrors: "ENABLED",
      ReadAttributes: expect.arrayContaining(Object.values(CLAIM)),
    });
    const writable = web.Properties.WriteAttributes as string[];
    expect(writable.some((a) => a.startsWith("custom:"))).toBe(false);
    expect(web.Properties.AllowedOAuthFlows).toBeUndefined();
  });

  it("offers integrators the resource server's scopes on a domain, with no client declared", () => {
    dev.template.hasResourceProperties("AWS::Cognito::UserPoolResourceServer", {
      Identifier: RESOURCE_SERVER_ID,
      Scopes: INTEGRATOR_SCOPES.map((s) => Match.objectLike({ ScopeName: s })),
    });
    // Integrators' clients are created at runtime by the tenancy API: only the web client here.
    dev.template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    dev.template.resourceCountIs("AWS::Cognito::UserPoolDomain", 1);
    expect(dev.stack.tokenUrl).toContain("/oauth2/token");
  });
});
