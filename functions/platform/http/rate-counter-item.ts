import { mainTable } from "../storage-definitions.ts";
import { tenantPartition } from "../tenant-partition.ts";

/**
 * The fixed-window request counter: one item per tenant and window, `T#<tenant>` /
 * `RATE#<window start, epoch seconds>`. Its attribute names are read by the counter's IAM grant
 * (infra), which allows updating these attributes and nothing else.
 */
export const RATE_COUNT_ATTRIBUTE = "requestCount";

export const RATE_COUNTER_ATTRIBUTES: readonly string[] = [
  mainTable.partitionKey,
  mainTable.sortKey,
  RATE_COUNT_ATTRIBUTE,
  mainTable.ttlAttribute,
];

/**
 * `bucket` names a counter other than the tenant's integrator quota (e.g. the public reports of
 * one QR link): `RATE#<bucket>#<window start>`, in the same tenant partition.
 */
export function rateCounterKey(
  tenantId: string,
  windowStart: number,
  bucket?: string,
): Record<string, string> {
  return {
    [mainTable.partitionKey]: tenantPartition(tenantId),
    [mainTable.sortKey]:
      bucket === undefined ? `RATE#${windowStart}` : `RATE#${bucket}#${windowStart}`,
  };
}
