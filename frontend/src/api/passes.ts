import { passesContract } from "../../../shared/contracts/passes.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export const passKeys = {
  all: () => ["passes"] as const,
};

/** The city's latest scheduled passes with their progress, newest first. */
export function listPasses(client: HttpClient, signal?: AbortSignal) {
  return callRoute(client, passesContract.listPasses, {
    query: { limit: 20 },
    ...(signal ? { signal } : {}),
  });
}
