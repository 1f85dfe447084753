import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { getRiskSource } from "../../api/registry/risk-sources.ts";

/**
 * The source with the ETag it was read with, for `If-Match`. A save puts its answer (with the
 * new ETag) in the cache under the same key, so the page and the next edit start from it.
 */
export function useTaggedSource(id: string) {
  const client = useApi();
  return useQuery({
    queryKey: registryKeys.riskSource(id),
    queryFn: ({ signal }) => getRiskSource(client, id, signal),
  });
}
