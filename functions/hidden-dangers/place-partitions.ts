import { covers, planJurisdictionQueries, type Scope } from "../../shared/tenancy/scope.ts";
import type { Partition, PartitionPage } from "../platform/data/partition-walk.ts";

type Read<K, T> = (key: K, cursor: string | null, limit: number) => Promise<PartitionPage<T>>;

/** How a record kept like a hidden danger is read: its tenant's partition, its place's indexes. */
export interface PlaceIndexedReads<T> {
  byTenant: Read<string, T>;
  byDistrict: Read<string, T>;
  byIndustry: Read<string, T>;
  placeOf: (item: T) => { district: string; street: string; industry: string };
}

/** An ElectroDB page of `{ record }` rows as a partition page of records. */
export function recordsOf<T>(page: { data: unknown; cursor: string | null }): PartitionPage<T> {
  return { items: (page.data as { record: T }[]).map((r) => r.record), cursor: page.cursor };
}

/**
 * The partitions that hold exactly what the caller reaches, newest first: an enterprise's own
 * partition, or the district and industry index partitions its jurisdiction plans — never a
 * read of everything followed by a filter. Agencies (assessors) reach none.
 */
export function placePartitions<T>(
  scope: Scope,
  reads: PlaceIndexedReads<T>,
  keep: (item: T) => boolean,
): Partition<T>[] {
  const kept = async (page: Promise<PartitionPage<T>>, filter: (item: T) => boolean) => {
    const { items, cursor } = await page;
    return { items: items.filter(filter), cursor };
  };
  if (scope.kind === "agency") return [];
  if (scope.kind === "tenant") {
    return [
      {
        id: `tenant:${scope.tenantId}`,
        read: (cursor, limit) => kept(reads.byTenant(scope.tenantId, cursor, limit), keep),
      },
    ];
  }
  const inReach = (item: T) => covers(scope.jurisdiction, reads.placeOf(item)) && keep(item);
  return planJurisdictionQueries(scope.jurisdiction).map((plan) => ({
    id: `${plan.index}:${plan.index === "district" ? plan.district : plan.industry}:${plan.prefix.join("/")}`,
    read: (cursor, limit) =>
      kept(
        plan.index === "district"
          ? reads.byDistrict(plan.district, cursor, limit)
          : reads.byIndustry(plan.industry, cursor, limit),
        inReach,
      ),
  }));
}
