import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  InvalidParameterException,
  InvalidPasswordException,
  ResourceNotFoundException,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { CognitoIdentityAdmin, cognitoClientName } from "./cognito-identity-admin.ts";
import { PasswordRejectedError } from "./identity-admin.ts";

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = "cn-north-1_TestPool";

const login = {
  userId: "u-01jtest",
  email: "admin@new-station.test",
  name: "赵敏",
  tenantId: "t-01jtest",
  role: "enterpriseAdmin" as const,
  jurisdiction: "d:110105;i:gas",
};

const attributes = [
  { Name: "email", Value: "admin@new-station.test" },
  { Name: "email_verified", Value: "true" },
  { Name: "name", Value: "赵敏" },
  { Name: "custom:userId", Value: "u-01jtest" },
  { Name: "custom:tenantId", Value: "t-01jtest" },
  { Name: "custom:role", Value: "enterpriseAdmin" },
  { Name: "custom:jurisdiction", Value: "d:110105;i:gas" },
];

/** Every command sent, in order, as [command name, input]. */
function sent(): [string, unknown][] {
  return cognito.calls().map((call) => {
    const command = call.args[0] as { constructor: { name: string }; input: unknown };
    return [command.constructor.name, command.input];
  });
}

describe("CognitoIdentityAdmin", () => {
  const admin = new CognitoIdentityAdmin(
    new CognitoIdentityProviderClient({ region: "cn-north-1" }),
    POOL,
  );

  beforeEach(() => cognito.reset());
  afterAll(() => cognito.restore());

  it("creates a login without a Cognito message, sets a permanent password, adds the role group", async () => {
    cognito.resolves({});

    await admin.upsertLogin(login, "a-long-passw0rd!");

    expect(sent()).toEqual([
      [
        "AdminCreateUserCommand",
        {
          UserPoolId: POOL,
          Username: "admin@new-station.test",
          MessageAction: "SUPPRESS",
          UserAttributes: attributes,
        },
      ],
      [
        "AdminSetUserPasswordCommand",
        {
          UserPoolId: POOL,
          Username: "admin@new-station.test",
          Password: "a-long-passw0rd!",
          Permanent: true,
        },
      ],
      [
        "AdminAddUserToGroupCommand",
        { UserPoolId: POOL, Username: "admin@new-station.test", GroupName: "enterpriseAdmin" },
      ],
    ]);
  });

  it("updates the attributes of a login that already exists, then sets the password", async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: "exists", $metadata: {} }));
    cognito.on(AdminUpdateUserAttributesCommand).resolves({});
    cognito.on(AdminSetUserPasswordCommand).resolves({});
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    await admin.upsertLogin(login, "a-long-passw0rd!");

    expect(sent().map(([name]) => name)).toEqual([
      "AdminCreateUserCommand",
      "AdminUpdateUserAttributesCommand",
      "AdminSetUserPasswordCommand",
      "AdminAddUserToGroupCommand",
    ]);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: "admin@new-station.test",
      UserAttributes: attributes,
    });
  });

  it("reports a password the pool's policy refuses as PasswordRejectedError", async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    cognito
      .on(AdminSetUserPasswordCommand)
      .rejects(
        new InvalidPasswordException({ message: "Password must have symbols", $metadata: {} }),
      );

    await expect(admin.upsertLogin(login, "abcdefghij")).rejects.toThrow(PasswordRejectedError);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it("disables and enables a login by e-mail", async () => {
    cognito.resolves({});

    await admin.setLoginEnabled("admin@new-station.test", false);
    await admin.setLoginEnabled("admin@new-station.test", true);

    expect(sent()).toEqual([
      ["AdminDisableUserCommand", { UserPoolId: POOL, Username: "admin@new-station.test" }],
      ["AdminEnableUserCommand", { UserPoolId: POOL, Username: "admin@new-station.test" }],
    ]);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(1);
  });

  it("moves a login to another role: attributes, then out of the old group and into the new", async () => {
    cognito.resolves({});

    await admin.setLoginClaims("staff@new-station.test", {
      role: "enterpriseAdmin",
      jurisdiction: "d:110105;i:gas",
      previousRole: "enterpriseStaff",
    });

    const user = { UserPoolId: POOL, Username: "staff@new-station.test" };
    expect(sent()).toEqual([
      [
        "AdminUpdateUserAttributesCommand",
        {
          ...user,
          UserAttributes: [
            { Name: "custom:role", Value: "enterpriseAdmin" },
            { Name: "custom:jurisdiction", Value: "d:110105;i:gas" },
          ],
        },
      ],
      ["AdminRemoveUserFromGroupCommand", { ...user, GroupName: "enterpriseStaff" }],
      ["AdminAddUserToGroupCommand", { ...user, GroupName: "enterpriseAdmin" }],
    ]);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)).toHaveLength(1);
  });

  it("creates a confidential client allowed only client credentials, with the given scopes", async () => {
    cognito.on(CreateUserPoolClientCommand).resolves({
      UserPoolClient: { ClientId: "4tq1example", ClientSecret: "generated-secret" },
    });

    const client = await admin.createMachineClient({
      name: "Gas Monitor",
      scopes: ["cityrisk-api/read", "cityrisk-api/write"],
    });

    expect(client).toEqual({ clientId: "4tq1example", clientSecret: "generated-secret" });
    expect(sent()).toEqual([
      [
        "CreateUserPoolClientCommand",
        {
          UserPoolId: POOL,
          ClientName: "Gas Monitor",
          GenerateSecret: true,
          AllowedOAuthFlows: ["client_credentials"],
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthScopes: ["cityrisk-api/read", "cityrisk-api/write"],
          ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
          AccessTokenValidity: 60,
          TokenValidityUnits: { AccessToken: "minutes" },
          EnableTokenRevocation: true,
          PreventUserExistenceErrors: "ENABLED",
        },
      ],
    ]);
  });

  it("fails when Cognito answers without a secret rather than hand out an unusable client", async () => {
    cognito
      .on(CreateUserPoolClientCommand)
      .resolves({ UserPoolClient: { ClientId: "4tq1example" } });

    await expect(
      admin.createMachineClient({ name: "Gas Monitor", scopes: ["cityrisk-api/read"] }),
    ).rejects.toThrow(/without an id or a secret/);
  });

  it("names the client within Cognito's character set", () => {
    expect(cognitoClientName("市安委会风险监测平台 / City committee risk platform")).toBe(
      "City committee risk platform",
    );
    expect(cognitoClientName("燃气监测")).toBe("integrator");
    expect(cognitoClientName("x".repeat(200))).toHaveLength(128);
  });

  it("deletes a client, and treats one already gone as deleted", async () => {
    cognito
      .on(DeleteUserPoolClientCommand)
      .resolvesOnce({})
      .rejectsOnce(new ResourceNotFoundException({ message: "no such client", $metadata: {} }));

    await admin.deleteMachineClient("4tq1example");
    await admin.deleteMachineClient("4tq1example");

    expect(sent()).toEqual([
      ["DeleteUserPoolClientCommand", { UserPoolId: POOL, ClientId: "4tq1example" }],
      ["DeleteUserPoolClientCommand", { UserPoolId: POOL, ClientId: "4tq1example" }],
    ]);
  });

  it("passes on any other failure to delete", async () => {
    cognito
      .on(DeleteUserPoolClientCommand)
      .rejects(new InvalidParameterException({ message: "bad id", $metadata: {} }));

    await expect(admin.deleteMachineClient("bad id")).rejects.toThrow(InvalidParameterException);
  });
});
