import { useQuery } from "@tanstack/react-query";
import { statsContract } from "../../../shared/contracts/stats.ts";
import { useApi } from "./api-context.tsx";
import { callRoute } from "./call.ts";

export const statsKeys = {
  summary: () => ["stats", "summary"] as const,
  coverage: () => ["stats", "coverage"] as const,
  trends: () => ["stats", "trends"] as const,
};

/** Sources of the official's jurisdiction by level, district and industry (folded counters). */
export function useStatsSummary(enabled = true) {
  const client = useApi();
  return useQuery({
    queryKey: statsKeys.summary(),
    queryFn: ({ signal }) => callRoute(client, statsContract.summary, { signal }),
    enabled,
  });
}

/** Coverage and the balance view, laggards first. */
export function useCoverage(enabled = true) {
  const client = useApi();
  return useQuery({
    queryKey: statsKeys.coverage(),
    queryFn: ({ signal }) => callRoute(client, statsContract.coverage, { signal }),
    enabled,
  });
}

/** Daily sources by level over the last 30 days (Beijing days; snapshots plus today's counters). */
export function useTrends(enabled = true) {
  const client = useApi();
  return useQuery({
    queryKey: statsKeys.trends(),
    queryFn: ({ signal }) => callRoute(client, statsContract.trends, { query: {}, signal }),
    enabled,
  });
}
