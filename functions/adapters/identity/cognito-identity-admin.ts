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
  InvalidPasswordException,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { CLAIM } from "../../../shared/tenancy/claims.ts";
import { type IdentityAdmin, type LoginSpec, PasswordRejectedError } from "./identity-admin.ts";

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
}
