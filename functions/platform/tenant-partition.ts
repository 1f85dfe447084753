/**
 * Every tenant-owned item lives in the partition `T#<tenantId>`, exactly. The IAM condition on the
 * tenant data role (`dynamodb:LeadingKeys`), the client-side guard and the key builders all read
 * these, so the three cannot drift apart.
 */
export const TENANT_PARTITION_PREFIX = "T#";

/** Session tag carrying the tenant id when the API functions assume the tenant data role. */
export const TENANT_SESSION_TAG = "tenantId";

export function tenantPartition(tenantId: string): string {
  if (tenantId.length === 0) throw new Error("tenant id must not be empty");
  return `${TENANT_PARTITION_PREFIX}${tenantId}`;
}
