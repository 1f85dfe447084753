import type { Enterprise } from "../../shared/risk/enterprise.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";

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
