import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { config, fromConfig, setting } from "../config.ts";
import { functionStore } from "../data/request-store.ts";
import { authorizerHandler } from "../handlers/authorizer-handler.ts";
import { logger } from "../powertools.ts";
import { verifyBearer } from "./bearer-token.ts";
import { apiAuthorizer } from "./manifest.ts";
import { claimsForToken, type IntegratorLookup, type UserStatusLookup } from "./token-claims.ts";

/** The issuer's signing keys, fetched once per container and refreshed when a new `kid` shows up. */
const signingKeys: () => JWTVerifyGetKey = fromConfig(() =>
  createRemoteJWKSet(new URL(setting("identityJwksUrl"))),
);

const registeredIntegrator: IntegratorLookup = async (clientId) => {
  const found = await functionStore()
    .entities.integratorClient.query.byClient({ clientId })
    .go({ limit: 1 });
  return found.data[0]?.record;
};

const userStatus: UserStatusLookup = async (tenantId, userId) => {
  const found = await functionStore().entities.user.get({ tenantId, userId }).go();
  return found.data?.record.status;
};

/**
 * The HTTP API's Lambda authorizer (simple responses), in front of every non-public route: it
 * verifies the token and hands the handlers their claims as the authorizer context. API Gateway
 * answers 401 when it throws `Unauthorized` and caches a success per token for a minute
 * (infra/constructs/http-api.ts); the local gateway calls this same handler on every request.
 */
export const handler = authorizerHandler(apiAuthorizer, async (event) => {
  const { webClientIds } = config();
  const token = await verifyBearer(
    event.headers?.authorization,
    signingKeys(),
    setting("identityIssuer"),
  );
  const verdict = token.ok
    ? await claimsForToken(token.payload, webClientIds, {
        integrator: registeredIntegrator,
        userStatus,
      })
    : token;
  if (!verdict.ok) {
    logger.info("token refused", { reason: verdict.reason, routeKey: event.routeKey });
    throw new Error("Unauthorized");
  }
  return { isAuthorized: true, context: verdict.claims };
});
