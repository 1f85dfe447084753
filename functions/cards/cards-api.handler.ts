import { cardsContract } from "../../shared/contracts/cards.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { webOrigin } from "../tenancy/web-origin.ts";
import { cardsApi } from "./manifest.ts";
import { publicRiskSource, riskSourceCard } from "./risk-cards.ts";

export const handler = httpHandler(
  cardsApi,
  implement(cardsContract, {
    riskSourceCard: async ({ caller, scope, params, query, headers }) => ({
      body: await riskSourceCard(caller, scope, params.id, query.size, webOrigin(headers)),
      // The links inside are short-lived and per caller.
      headers: { "cache-control": "private, no-store" },
    }),
    publicRiskSource: async ({ params }) => ({
      body: await publicRiskSource(params.token),
      headers: { "cache-control": "no-store" },
    }),
  }),
);
