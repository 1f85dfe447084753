import { useQuery } from "@tanstack/react-query";
import type { DistrictCode } from "../../../../shared/catalogs/districts.ts";
import type { IndustryId } from "../../../../shared/catalogs/industries.ts";
import { registryContract } from "../../../../shared/contracts/registry.ts";
import type { Level } from "../../../../shared/methodology/levels.ts";
import type { MapPoints } from "../../../../shared/risk/map-points.ts";
import { useApi } from "../../api/api-context.tsx";
import { callRoute } from "../../api/call.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";

export interface MapFilters {
  district?: DistrictCode;
  level?: Level;
  industry?: IndustryId;
}

/**
 * The sources of one district under the filters, as map points: one call of the compact points
 * route (id, name, level, coordinates), most severe first up to its limit.
 */
export function useMapPoints(filters: MapFilters) {
  const client = useApi();
  const { district, ...narrowing } = filters;
  return useQuery({
    queryKey: registryKeys.mapPoints(filters),
    enabled: district !== undefined,
    // A level or industry filter keeps the district's points drawn until the new ones come (no
    // empty redraw between); another district starts empty.
    placeholderData: (previous: MapPoints | undefined, previousQuery) =>
      (previousQuery?.queryKey.at(-1) as MapFilters | undefined)?.district === district
        ? previous
        : undefined,
    queryFn: ({ signal }) =>
      callRoute(client, registryContract.mapPoints, {
        // `enabled` holds the call until a district is chosen.
        query: { district: district as DistrictCode, ...narrowing },
        signal,
      }),
  });
}
