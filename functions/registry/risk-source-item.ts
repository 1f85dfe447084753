import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";

/** The stored item of a source: its record plus the attributes its index keys are built from. */
export function riskSourceItem(record: RiskSource) {
  return {
    tenantId: record.tenantId,
    id: record.id,
    district: record.supervision.district,
    street: record.supervision.street,
    industry: record.industry,
    levelKey: record.currentLevel ?? "none",
    shard: shardOf(record.id),
    nextReviewAt: record.nextReviewAt ?? "",
    version: record.version,
    record,
  };
}
