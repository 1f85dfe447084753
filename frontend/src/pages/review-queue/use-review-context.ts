import { useQueries } from "@tanstack/react-query";
import type { Assessment } from "../../../../shared/risk/assessment.ts";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { fetchEnterprise } from "../../api/registry/enterprise.ts";
import { getRiskSource } from "../../api/registry/risk-sources.ts";

/** What a row names besides the assessment: its source's name and its enterprise's name. */
export interface ReviewContext {
  sourceNames: ReadonlyMap<string, string>;
  enterpriseNames: ReadonlyMap<string, string>;
}

/** The names of the answered queries, by the id each was asked for. */
function namesOf(ids: readonly string[], names: readonly (string | undefined)[]) {
  const map = new Map<string, string>();
  ids.forEach((id, i) => {
    const name = names[i];
    if (name !== undefined) map.set(id, name);
  });
  return map;
}

/**
 * Reads each source and enterprise of the queue once, through the same cache entries as their
 * own pages (the queue holds assessments only). A failed read leaves the id showing; the review
 * itself does not depend on it.
 */
export function useReviewContext(items: readonly Assessment[]): ReviewContext {
  const client = useApi();
  const sourceIds = [...new Set(items.map((a) => a.riskSourceId))].sort();
  const tenantIds = [...new Set(items.map((a) => a.tenantId))].sort();
  const sourceNames = useQueries({
    queries: sourceIds.map((id) => ({
      queryKey: registryKeys.riskSource(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getRiskSource(client, id, signal),
    })),
    combine: (results) =>
      namesOf(
        sourceIds,
        results.map((r) => r.data?.value.name),
      ),
  });
  const enterpriseNames = useQueries({
    queries: tenantIds.map((id) => ({
      queryKey: registryKeys.enterprise(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchEnterprise(client, id, signal),
    })),
    combine: (results) =>
      namesOf(
        tenantIds,
        results.map((r) => r.data?.name),
      ),
  });
  return { sourceNames, enterpriseNames };
}
