import type { CardSize } from "../../../shared/cards/card-size.ts";
import { cardsContract } from "../../../shared/contracts/cards.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

/** Presigned links to a source's risk notification card (shared/contracts/cards.ts). */
export function riskSourceCard(
  client: HttpClient,
  id: string,
  size: CardSize,
  signal?: AbortSignal,
) {
  return callRoute(client, cardsContract.riskSourceCard, {
    params: { id },
    query: { size },
    ...(signal ? { signal } : {}),
  });
}

/** The public fields behind a card's QR link; no sign-in. */
export function publicRiskSource(client: HttpClient, token: string, signal?: AbortSignal) {
  return callRoute(client, cardsContract.publicRiskSource, {
    params: { token },
    ...(signal ? { signal } : {}),
  });
}
