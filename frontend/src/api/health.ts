import type { HttpClient } from "./http-client.ts";

export type CheckStatus = "ok" | "error";

/** `GET /api/v1/health`; answers 503 with the same body when degraded. */
export interface Health {
  status: "ok" | "degraded";
  checks: Record<string, CheckStatus>;
}

export function fetchHealth(client: HttpClient, signal?: AbortSignal): Promise<Health> {
  return client.request<Health>("/api/v1/health", {
    acceptStatuses: [503],
    ...(signal ? { signal } : {}),
  });
}
