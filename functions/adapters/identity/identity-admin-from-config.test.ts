import { describe, expect, it } from "vitest";
import { CognitoIdentityAdmin } from "./cognito-identity-admin.ts";
import { createIdentityAdmin } from "./identity-admin-from-config.ts";
import { LocalIdentityAdmin } from "./local-identity-admin.ts";

describe("createIdentityAdmin", () => {
  const none = {
    region: "cn-north-1",
    cognitoUserPoolId: undefined,
    localIdentityUrl: undefined,
    localIdentitySecret: undefined,
  };

  it("uses Cognito when a user pool id is configured (AWS)", () => {
    expect(createIdentityAdmin({ ...none, cognitoUserPoolId: "cn-north-1_Pool" })).toBeInstanceOf(
      CognitoIdentityAdmin,
    );
  });

  it("uses the local identity provider when its URL and secret are configured", () => {
    expect(
      createIdentityAdmin({
        ...none,
        localIdentityUrl: "http://localhost:3000",
        localIdentitySecret: "s3cret",
      }),
    ).toBeInstanceOf(LocalIdentityAdmin);
  });

  it("fails loudly when neither is configured", () => {
    expect(() => createIdentityAdmin(none)).toThrow("no identity provider configured");
  });
});
