import { useQuery } from "@tanstack/react-query";
import type { Level } from "../../../../shared/methodology/levels.ts";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { listRiskSources, type RiskSourceFilters } from "../../api/registry/risk-sources.ts";

/**
 * At most this many points are drawn at once: one district's sources, never the whole city's
 * (the city view is the choropleth). A district above it shows the first ones and says so.
 */
export const MAP_POINT_LIMIT = 2000;

export interface MapPoint {
  id: string;
  name: string;
  place: string;
  level: Level | null;
  coordinates: [number, number];
}

/** The sources of one district under the filters, as map points, page by page up to the limit. */
export function useMapPoints(filters: RiskSourceFilters) {
  const client = useApi();
  return useQuery({
    queryKey: registryKeys.mapPoints(filters),
    enabled: filters.district !== undefined,
    queryFn: async ({ signal }) => {
      const points: MapPoint[] = [];
      let cursor: string | undefined;
      do {
        const page = await listRiskSources(client, filters, cursor, signal, 200);
        for (const source of page.items) {
          points.push({
            id: source.id,
            name: source.name,
            place: source.place,
            level: source.currentLevel,
            coordinates: [source.location.lon, source.location.lat],
          });
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && points.length < MAP_POINT_LIMIT);
      return { points: points.slice(0, MAP_POINT_LIMIT), truncated: cursor !== undefined };
    },
  });
}
