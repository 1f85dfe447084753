import {
  covers,
  jurisdictionQueryKey,
  planJurisdictionQueries,
  type Scope,
} from "../../shared/tenancy/scope.ts";
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
function recordsOf<T>(page: { data: unknown; cursor: string | null }): PartitionPage<T> {
  return { items: (page.data as { record: T }[]).map((r) => r.record), cursor: page.cursor };
}

interface Goable {
  go(options: {
    order: "desc";
    cursor: string | null;
    limit: number;
  }): Promise<{ data: unknown; cursor: string | null }>;
}

/** An entity kept like a hidden danger: `{ record }` rows under these three indexes. */
export interface PlaceIndexedEntity {
  query: {
    byTenant(key: { tenantId: string }): Goable;
    byDistrict(key: { district: string }): Goable;
    byIndustry(key: { industry: string }): Goable;
  };
}

/** The reads of such an entity, newest first; `entity` picks the caller's store per read. */
export function placeReads<
  T extends { place: { district: string; street: string; industry: string } },
>(entity: () => PlaceIndexedEntity): PlaceIndexedReads<T> {
  const page = async (q: Goable, cursor: string | null, limit: number) =>
    recordsOf<T>(await q.go({ order: "desc", cursor, limit }));
  return {
    byTenant: (tenantId, cursor, limit) =>
      page(entity().query.byTenant({ tenantId }), cursor, limit),
    byDistrict: (district, cursor, limit) =>
      page(entity().query.byDistrict({ district }), cursor, limit),
    byIndustry: (industry, cursor, limit) =>
      page(entity().query.byIndustry({ industry }), cursor, limit),
    placeOf: (item) => item.place,
  };
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
    id: jurisdictionQueryKey(plan),
    read: (cursor, limit) =>
      kept(
        plan.index === "district"
          ? reads.byDistrict(plan.district, cursor, limit)
          : reads.byIndustry(plan.industry, cursor, limit),
        inReach,
      ),
  }));
}
