import { encodeTime } from "ulidx";
import { type AuditFilter, auditRecordMatches } from "../../shared/audit/audit-query.ts";
import type { AuditRecord } from "../../shared/audit/audit-record.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import type { Page } from "../../shared/tenancy/views.ts";
import { recordReads } from "../audit/audit-log.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { notFound } from "./errors.ts";
import { loadTenant, placeOfTenant } from "./tenant-records.ts";

/**
 * A tenant's audit trail, newest first: an enterprise admin reads their own; an official their
 * own tenant's or that of an enterprise their jurisdiction covers (404 otherwise), and that
 * read is itself audited in the enterprise's trail.
 */
export async function readAuditTrail(
  caller: Caller,
  scope: Scope,
  query: AuditFilter & {
    tenantId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<AuditRecord>> {
  const tenantId = query.tenantId ?? caller.tenantId;
  const own = tenantId === caller.tenantId;
  if (!own) {
    if (scope.kind !== "jurisdiction") throw notFound.tenant();
    const found = await loadTenant(functionStore(), tenantId);
    const place = found ? placeOfTenant(found.record) : undefined;
    if (!place || !covers(scope.jurisdiction, place)) throw notFound.tenant();
  }
  const store = own ? storeForScope(scope) : functionStore();
  const { from, to, action, actor } = query;
  // The ids are ULIDs: a time range is a range of ids, read by the index, not filtered.
  const lowest = from ? `${encodeTime(Math.max(0, Date.parse(from)), 10)}${"0".repeat(16)}` : "0";
  const highest = to ? `${encodeTime(Math.max(0, Date.parse(to)), 10)}${"Z".repeat(16)}` : "Z";
  const page = await walkPartitions(
    [
      {
        // A cursor resumes only the same filters.
        id: `audit:${tenantId}:${from ?? ""}:${to ?? ""}:${action ?? ""}:${actor ?? ""}`,
        read: async (cursor, limit) => {
          const result = await store.entities.auditRecord.query
            .byTenant({ tenantId })
            .between({ id: lowest }, { id: highest })
            .go({ cursor, limit, order: "desc" });
          const records = result.data.map((d) => d.record);
          return {
            items: records.filter((r) => auditRecordMatches(r, { action, actor })),
            cursor: result.cursor,
          };
        },
      },
    ],
    query.cursor,
    query.limit,
  );
  if (!own) {
    await recordReads(functionStore(), caller, [
      { tenantId, target: { type: "auditTrail", id: tenantId } },
    ]);
  }
  return page;
}
