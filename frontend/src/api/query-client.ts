import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./problem.ts";

/**
 * A 4xx answer is the same on a second try (401 has already signed the user out); a network
 * failure or a 5xx gets one more attempt before the page shows the error.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 1;
}

/**
 * The app's cache of server data. Data is refetched when a page that shows it mounts (staleTime
 * 0, except where a query says otherwise) and after the mutations that change it; not on window
 * focus, which would reload forms behind the user's back.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** For data that changes only with a deployment (method profiles, identification lists). */
export const STATIC_DATA_MS = 10 * 60 * 1000;
