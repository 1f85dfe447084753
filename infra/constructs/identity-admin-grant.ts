import type { IUserPool } from "aws-cdk-lib/aws-cognito";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { ENV } from "../../functions/platform/environment.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";

/**
 * What the tenancy API's Cognito adapter sends (functions/adapters/identity), named one by one
 * and allowed on the product's user pool only.
 */
export const IDENTITY_ADMIN_ACTIONS: readonly string[] = [
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminSetUserPassword",
  "cognito-idp:AdminUpdateUserAttributes",
  "cognito-idp:AdminAddUserToGroup",
  "cognito-idp:AdminRemoveUserFromGroup",
  "cognito-idp:AdminDisableUser",
  "cognito-idp:AdminEnableUser",
  // Integrators' OAuth clients, created and removed as the tenancy API registers them.
  "cognito-idp:CreateUserPoolClient",
  "cognito-idp:DeleteUserPoolClient",
];

/**
 * For a manifest entry declaring `identityAdmin`: the grant, the pool id it reads from config,
 * and the token endpoint it tells newly registered integrators about.
 */
export function grantIdentityAdmin(
  fn: CityRiskFunction,
  userPool: IUserPool,
  tokenUrl: string,
): void {
  if (!fn.definition.identityAdmin) return;
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...IDENTITY_ADMIN_ACTIONS],
      resources: [userPool.userPoolArn],
    }),
  );
  fn.function.addEnvironment(ENV.cognitoUserPoolId, userPool.userPoolId);
  fn.function.addEnvironment(ENV.tokenUrl, tokenUrl);
}
