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

const WEB_URL = "https://app.cityrisk.example";

function synthAuth(stage: string, webUrl: string | null = WEB_URL) {
  const app = new App({ context: FEATURE_FLAGS, builtinCloudFormationValidation: false });
  const stack = new AuthStack(app, "Auth", {
    config: stageConfig(stage),
    ...(webUrl ? { webUrl } : {}),
  });
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

  it("gives the SPA a public client for managed login: code flow only, back to the web origin", () => {
    const web = prod.template.toJSON().Resources[logicalId(prod.stack.webClient)] as {
      Properties: Record<string, unknown>;
    };
    expect(web.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ["code"],
      AllowedOAuthScopes: expect.arrayContaining(["openid", "email", "profile"]),
      CallbackURLs: [`${WEB_URL}/auth/callback`],
      LogoutURLs: [`${WEB_URL}/sign-in`],
      // No password, SRP or custom flows on the client: only refresh tokens besides the code flow.
      ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
      PreventUserExistenceErrors: "ENABLED",
      ReadAttributes: expect.arrayContaining(Object.values(CLAIM)),
    });
    expect((web.Properties.AllowedOAuthScopes as string[]).length).toBe(3);
    const writable = web.Properties.WriteAttributes as string[];
    expect(writable.some((a) => a.startsWith("custom:"))).toBe(false);
  });

  it("serves managed login on the user-pool domain, branded with Cognito's style for the SPA", () => {
    prod.template.hasResourceProperties("AWS::Cognito::UserPoolDomain", {
      Domain: Match.anyValue(),
      ManagedLoginVersion: 2,
      UserPoolId: { Ref: logicalId(prod.stack.userPool) },
    });
    prod.template.hasResourceProperties("AWS::Cognito::ManagedLoginBranding", {
      ClientId: { Ref: logicalId(prod.stack.webClient) },
      UseCognitoProvidedValues: true,
    });
    expect(prod.stack.webSignIn.logoutUrl).toContain("/logout");
  });

  it("needs the web origin in prod, and warns with a placeholder elsewhere", () => {
    expect(() => synthAuth("prod", null)).toThrow(/webUrl/);
    const { stack } = synthAuth("dev", null);
    const warnings = stack.node.metadata.filter((m) => m.type === "aws:cdk:warning");
    expect(warnings.map((w) => String(w.data))).toEqual([expect.stringContaining("webUrl")]);
  });

  it("offers integrators the resource server's scopes on a domain, with no client declared", () => {
    dev.template.hasResourceProperties("AWS::Cognito::UserPoolResourceServer", {
      Identifier: RESOURCE_SERVER_ID,
      Scopes: INTEGRATOR_SCOPES.map((s) => Match.objectLike({ ScopeName: s })),
    });
    // Integrators' clients are created at runtime by the tenancy API: only the web client here.
    dev.template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    expect(dev.stack.webSignIn.clientId).toBe(dev.stack.webClient.userPoolClientId);
    dev.template.resourceCountIs("AWS::Cognito::UserPoolDomain", 1);
    expect(dev.stack.tokenUrl).toContain("/oauth2/token");
  });
});
