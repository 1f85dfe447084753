import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { type FunctionConfig, fromConfig } from "../../platform/config.ts";
import { CognitoIdentityAdmin } from "./cognito-identity-admin.ts";
import type { IdentityAdmin } from "./identity-admin.ts";
import { LocalIdentityAdmin } from "./local-identity-admin.ts";

type IdentitySettings = Pick<
  FunctionConfig,
  "region" | "cognitoUserPoolId" | "localIdentityUrl" | "localIdentitySecret"
>;

/** Cognito when a user pool is configured (AWS), the local identity provider otherwise. */
export function createIdentityAdmin(settings: IdentitySettings): IdentityAdmin {
  if (settings.cognitoUserPoolId) {
    return new CognitoIdentityAdmin(
      new CognitoIdentityProviderClient({ region: settings.region, maxAttempts: 3 }),
      settings.cognitoUserPoolId,
    );
  }
  if (settings.localIdentityUrl && settings.localIdentitySecret) {
    return new LocalIdentityAdmin(settings.localIdentityUrl, settings.localIdentitySecret);
  }
  throw new Error(
    "no identity provider configured: set COGNITO_USER_POOL_ID, or CITYRISK_LOCAL_IDP_URL and CITYRISK_LOCAL_IDP_SECRET",
  );
}

/** The function's identity port, built from its configuration once. */
export const identityAdmin: () => IdentityAdmin = fromConfig(createIdentityAdmin);
