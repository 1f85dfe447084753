import type { Jurisdiction } from "../../../shared/tenancy/claims.ts";
import {
  jurisdictionQueryKey,
  type PlaceKeys,
  placeKeys,
  planJurisdictionQueries,
} from "../../../shared/tenancy/scope.ts";
import type { Partition } from "./partition-walk.ts";

/** A query of one place index (ElectroDB's shape): a page of records and the next cursor. */
interface PlaceQuery<T> {
  go(options: { cursor: string | null; limit: number }): Promise<{
    data: { record: T }[];
    cursor: string | null;
  }>;
}

/**
 * The partitions a jurisdiction's listing of one kind of record merges: one per planned query,
 * each read from the kind's district or industry index (`query` picks which from the place).
 */
export function placePartitions<T>(
  jurisdiction: Jurisdiction,
  query: (place: PlaceKeys) => PlaceQuery<T>,
): Partition<T>[] {
  return planJurisdictionQueries(jurisdiction).map((plan) => ({
    id: jurisdictionQueryKey(plan),
    read: async (cursor, limit) => {
      const page = await query(placeKeys(plan)).go({ cursor, limit });
      return { items: page.data.map((d) => d.record), cursor: page.cursor };
    },
  }));
}
