import { type Me, systemContract } from "../../../shared/contracts/system.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export type { Me };

/** Who the caller is, with labels already in both languages. */
export function fetchMe(client: HttpClient, signal?: AbortSignal): Promise<Me> {
  return callRoute(client, systemContract.me, signal ? { signal } : {});
}
