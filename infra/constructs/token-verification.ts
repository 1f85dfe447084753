import { Aws, Fn } from "aws-cdk-lib";
import { ENV } from "../../functions/platform/environment.ts";
import type { AuthResources } from "../stacks/auth-stack.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";

/**
 * What the authorizer verifies tokens against (functions/platform/config.ts): the pool's issuer
 * URL, its JWKS, and the web clients whose ID tokens it accepts. The function fetches the JWKS
 * over the internet (no VPC), as API Gateway's own JWT authorizer would.
 */
export function configureTokenVerification(fn: CityRiskFunction, auth: AuthResources): void {
  const issuer = Fn.join("", [
    "https://cognito-idp.",
    Aws.REGION,
    ".",
    Aws.URL_SUFFIX,
    "/",
    auth.userPool.userPoolId,
  ]);
  fn.function.addEnvironment(ENV.identityIssuer, issuer);
  fn.function.addEnvironment(ENV.identityJwksUrl, Fn.join("", [issuer, "/.well-known/jwks.json"]));
  fn.function.addEnvironment(
    ENV.webClientIds,
    Fn.join(
      ",",
      auth.webClients.map((c) => c.userPoolClientId),
    ),
  );
}
