import type { Enterprise } from "../../shared/risk/enterprise.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";

/** The stored item of an enterprise profile: its record plus its jurisdiction key attributes. */
export function enterpriseItem(record: Enterprise) {
  return {
    tenantId: record.tenantId,
    district: record.district,
    street: record.street,
    industry: record.industry,
    shard: shardOf(record.tenantId),
    version: record.version,
    record,
  };
}

/** An enterprise's profile, or undefined when the tenant has none (yet). */
export async function loadEnterprise(
  store: Store,
  tenantId: string,
): Promise<Enterprise | undefined> {
  const { data } = await store.entities.enterprise.get({ tenantId }).go();
  return data?.record;
}
