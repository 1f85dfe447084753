import { registryKeys } from "../../api/query-keys/registry.ts";
import { listRiskSources, type RiskSourceFilters } from "../../api/registry/risk-sources.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";

/**
 * The sources in reach under the filters, page by page; a filter change is another query, so
 * pages of the old filters never land in the new list.
 */
export function useRiskSourcePages(filters: RiskSourceFilters) {
  return useCursorList(registryKeys.riskSourceList(filters), (client, cursor, signal) =>
    listRiskSources(client, filters, cursor, signal),
  );
}
