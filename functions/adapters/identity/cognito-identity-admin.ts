import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  InvalidPasswordException,
  ResourceNotFoundException,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { CLAIM } from "../../../shared/tenancy/claims.ts";
import {
  type IdentityAdmin,
  type LoginSpec,
  type MachineClient,
  type MachineClientSpec,
  PasswordRejectedError,
} from "./identity-admin.ts";

/** Matches the integrator token lifetime the pool's static integrator client has (auth-stack.ts). */
const CLIENT_ACCESS_TOKEN_MINUTES = 60;

/**
 * Cognito accepts only `[\w\s+=,.@-]{1,128}` (ASCII word characters) as a client name, while
 * integrator names are free bilingual text; the name only labels the client in the console, so
 * anything else becomes a space.
 */
export function cognitoClientName(name: string): string {
  const cleaned = name
    .replace(/[^\w +=,.@-]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 128)
    .trim();
  return cleaned.length > 0 ? cleaned : "integrator";
}

/**
 * Logins in the Cognito user pool. The pool signs in by e-mail (`signInAliases: email`), so the
 * e-mail is the username; tenant, role and jurisdiction are the custom attributes the tokens
 * carry, and the role is also a group. Cognito sends no message: the product's own invitation
 * mail already reached the user, who chose the password on accepting it.
 */
export class CognitoIdentityAdmin implements IdentityAdmin {
  readonly #client: CognitoIdentityProviderClient;
  readonly #userPoolId: string;

  constructor(client: CognitoIdentityProviderClient, userPoolId: string) {
    this.#client = client;
    this.#userPoolId = userPoolId;
  }

  async upsertLogin(login: LoginSpec, password: string): Promise<void> {
    const attributes: AttributeType[] = [
      { Name: "email", Value: login.email },
      { Name: "email_verified", Value: "true" },
      { Name: "name", Value: login.name },
      { Name: CLAIM.userId, Value: login.userId },
      { Name: CLAIM.tenantId, Value: login.tenantId },
      { Name: CLAIM.role, Value: login.role },
      { Name: CLAIM.jurisdiction, Value: login.jurisdiction },
    ];
    try {
      await this.#client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.#userPoolId,
          Username: login.email,
          MessageAction: "SUPPRESS",
          UserAttributes: attributes,
        }),
      );
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
      await this.#client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: this.#userPoolId,
          Username: login.email,
          UserAttributes: attributes,
        }),
      );
    }
    try {
      await this.#client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: this.#userPoolId,
          Username: login.email,
          Password: password,
          Permanent: true,
        }),
      );
    } catch (error) {
      if (error instanceof InvalidPasswordException) {
        throw new PasswordRejectedError(error.message);
      }
      throw error;
    }
    await this.#client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.#userPoolId,
        Username: login.email,
        GroupName: login.role,
      }),
    );
  }

  async setLoginEnabled(email: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.#userPoolId, Username: email };
    await this.#client.send(
      enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input),
    );
  }

  async setLoginClaims(
    email: string,
    claims: Parameters<IdentityAdmin["setLoginClaims"]>[1],
  ): Promise<void> {
    const user = { UserPoolId: this.#userPoolId, Username: email };
    await this.#client.send(
      new AdminUpdateUserAttributesCommand({
        ...user,
        UserAttributes: [
          { Name: CLAIM.role, Value: claims.role },
          { Name: CLAIM.jurisdiction, Value: claims.jurisdiction },
        ],
      }),
    );
    if (claims.previousRole === claims.role) return;
    await this.#client.send(
      new AdminRemoveUserFromGroupCommand({ ...user, GroupName: claims.previousRole }),
    );
    await this.#client.send(new AdminAddUserToGroupCommand({ ...user, GroupName: claims.role }));
  }

  async createMachineClient(spec: MachineClientSpec): Promise<MachineClient> {
    const answer = await this.#client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: this.#userPoolId,
        ClientName: cognitoClientName(spec.name),
        GenerateSecret: true,
        AllowedOAuthFlows: ["client_credentials"],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: [...spec.scopes],
        // No user sign-in flow; Cognito insists on refresh-token auth whenever flows are listed,
        // and client credentials never issue a refresh token, so this grants nothing.
        ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        AccessTokenValidity: CLIENT_ACCESS_TOKEN_MINUTES,
        TokenValidityUnits: { AccessToken: "minutes" },
        EnableTokenRevocation: true,
        PreventUserExistenceErrors: "ENABLED",
      }),
    );
    const clientId = answer.UserPoolClient?.ClientId;
    const clientSecret = answer.UserPoolClient?.ClientSecret;
    if (!clientId || !clientSecret) {
      throw new Error("Cognito created a user pool client without an id or a secret");
    }
    return { clientId, clientSecret };
  }

  async deleteMachineClient(clientId: string): Promise<void> {
    try {
      await this.#client.send(
        new DeleteUserPoolClientCommand({ UserPoolId: this.#userPoolId, ClientId: clientId }),
      );
    } catch (error) {
      // Deleting is idempotent: a retried removal finds the client already gone.
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}
