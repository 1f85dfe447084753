import { useQuery } from "@tanstack/react-query";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import { useApi } from "../../api/api-context.tsx";
import { STATIC_DATA_MS } from "../../api/query-client.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { listMethodProfiles } from "../../api/registry/grading.ts";

const published = (profiles: MethodProfile[]) => profiles.filter((p) => p.status === "published");

/** The method profiles with their value tables; templates are not gradable, so left out. */
export function useMethodProfiles() {
  const client = useApi();
  return useQuery({
    queryKey: registryKeys.methodProfiles(),
    queryFn: ({ signal }) => listMethodProfiles(client, signal),
    select: published,
    staleTime: STATIC_DATA_MS,
  });
}
