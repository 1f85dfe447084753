import { useQuery } from "@tanstack/react-query";
import type { DistrictCode } from "../../../../shared/catalogs/districts.ts";
import type { EmergencyResource } from "../../../../shared/readiness/resource.ts";
import { useApi } from "../../api/api-context.tsx";
import { listResources, readinessKeys } from "../../api/readiness.ts";

/** At most this many resources are drawn for one district (the layer reads the scoped list route). */
export const RESOURCE_POINT_LIMIT = 1000;

/** The emergency resources of one district within the caller's reach, for the map's layer. */
export function useMapResources(district: DistrictCode | undefined, enabled: boolean) {
  const client = useApi();
  return useQuery({
    queryKey: readinessKeys.resources({ district, limit: 500 }),
    enabled: enabled && district !== undefined,
    queryFn: async ({ signal }) => {
      const items: EmergencyResource[] = [];
      let cursor: string | undefined;
      do {
        const page = await listResources(client, { district, limit: 500 }, cursor, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < RESOURCE_POINT_LIMIT);
      return items.slice(0, RESOURCE_POINT_LIMIT);
    },
  });
}
