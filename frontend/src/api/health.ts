import { type Health, systemContract } from "../../../shared/contracts/system.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export type { CheckStatus } from "../../../shared/contracts/system.ts";
export type { Health };

/** The stack's health; a stack with a failing dependency answers 503 with the same body. */
export function fetchHealth(client: HttpClient, signal?: AbortSignal): Promise<Health> {
  return callRoute(client, systemContract.health, {
    acceptStatuses: [503],
    ...(signal ? { signal } : {}),
  });
}
