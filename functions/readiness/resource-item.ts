import { NotFoundError } from "../../shared/errors.ts";
import { geoKeyOf } from "../../shared/readiness/distance.ts";
import type { EmergencyResource } from "../../shared/readiness/resource.ts";
import type { Store } from "../adapters/dynamodb/store.ts";

/** The stored item of a resource: its record plus the attributes its two indexes use. */
export function resourceItem(record: EmergencyResource) {
  const { cell, geohash } = geoKeyOf(record.location);
  return {
    tenantId: record.tenantId,
    id: record.id,
    district: record.place.district,
    street: record.place.street,
    cell,
    geohash,
    version: record.version,
    record,
  };
}

export async function loadResource(
  store: Store,
  tenantId: string,
  id: string,
): Promise<EmergencyResource | undefined> {
  const { data } = await store.entities.emergencyResource
    .get({ tenantId, id })
    .go({ consistent: true });
  return data?.record;
}

export function resourceNotFound(): NotFoundError {
  // The same answer whether it does not exist or lies outside the caller's reach.
  return new NotFoundError({ zh: "应急资源不存在", en: "Emergency resource not found" });
}
