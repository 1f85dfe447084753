import { ulid } from "ulidx";
import type { Actor, AuditRecord } from "../../shared/audit/audit-record.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Store } from "../adapters/dynamodb/store.ts";

export function actorOf(caller: Caller): Actor {
  return { userId: caller.userId, tenantId: caller.tenantId, role: caller.role };
}

export interface AuditFacts {
  tenantId: string;
  action: string;
  target: { type: string; id: string };
  before?: unknown;
  after?: unknown;
}

/** An audit record of one change or read, in the owning tenant's partition. */
export function auditRecord(caller: Caller, facts: AuditFacts, at: Date = new Date()): AuditRecord {
  return {
    id: ulid(at.getTime()),
    at: at.toISOString(),
    actor: actorOf(caller),
    ...facts,
  };
}

/** The stored item of an audit record; written in the same transaction as the change it records. */
export function auditItem(record: AuditRecord) {
  return { tenantId: record.tenantId, id: record.id, record };
}

/**
 * Records that an official (or a government integrator) read enterprises' data: one record per
 * tenant touched, batched (issue 3 §5: who looked at what, when).
 */
export async function recordReads(
  store: Store,
  caller: Caller,
  reads: readonly { tenantId: string; target: { type: string; id: string } }[],
): Promise<void> {
  if (caller.role === "enterpriseAdmin" || caller.role === "enterpriseStaff") return;
  const byTenant = new Map<string, { type: string; id: string }[]>();
  for (const r of reads) {
    if (r.tenantId === caller.tenantId) continue;
    const list = byTenant.get(r.tenantId) ?? [];
    list.push(r.target);
    byTenant.set(r.tenantId, list);
  }
  if (byTenant.size === 0) return;
  const now = new Date();
  const items = [...byTenant].map(([tenantId, targets]) => {
    const first = targets[0] as { type: string; id: string };
    const record = auditRecord(
      caller,
      {
        tenantId,
        action: `${first.type}.read`,
        target: targets.length === 1 ? first : { type: first.type, id: `${targets.length} items` },
        after: { ids: targets.map((t) => t.id) },
      },
      now,
    );
    return auditItem(record);
  });
  await putAuditItems(store, items);
}

/** Rounds of BatchWriteItem before a read that cannot be audited fails the request. */
const AUDIT_WRITE_ROUNDS = 5;

/**
 * Writes read records in batches of 25, several batches at once (a map view of a busy district
 * touches hundreds of enterprises), and writes again what DynamoDB left unprocessed, backing off
 * between rounds: a read that cannot be recorded fails rather than going unaudited.
 */
async function putAuditItems(
  store: Store,
  items: readonly ReturnType<typeof auditItem>[],
): Promise<void> {
  const key = (item: { tenantId: string; id: string }) => `${item.tenantId}#${item.id}`;
  let pending = [...items];
  for (let round = 0; round < AUDIT_WRITE_ROUNDS && pending.length > 0; round++) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** round));
    const { unprocessed } = await store.entities.auditRecord.put(pending).go({ concurrency: 4 });
    const left = new Set(unprocessed.map(key));
    pending = pending.filter((item) => left.has(key(item)));
  }
  if (pending.length > 0) {
    throw new Error(`${pending.length} audit records of reads could not be written`);
  }
}
