import { ulid } from "ulidx";
import type { Actor, AuditRecord } from "../../shared/audit/audit-record.ts";
import type { OutboxEffect } from "../../shared/outbox/outbox-message.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { batchWrite } from "../adapters/dynamodb/batch-write.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { writeTogether } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";

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

/** One enterprise's part of a read: the targets of one type it owns. */
type TenantReads = Extract<OutboxEffect, { channel: "audit" }>["reads"][number];

/** BatchWriteItem's limit: reads of up to this many enterprises are written by the request itself. */
const READS_WRITTEN_AT_ONCE = 25;

/** Characters of ids per outbox message, well under DynamoDB's 400 KB item. */
const READS_PER_MESSAGE_CHARS = 200_000;

/** The record of one enterprise's part of a read; `id` orders it in the trail. */
function readRecord(actor: Actor, at: string, id: string, read: TenantReads): AuditRecord {
  const [only] = read.ids;
  return {
    id,
    at,
    actor,
    tenantId: read.tenantId,
    action: `${read.type}.read`,
    target:
      read.ids.length === 1 && only !== undefined
        ? { type: read.type, id: only }
        : { type: read.type, id: `${read.ids.length} items` },
    after: { ids: read.ids },
  };
}

/** The reads grouped into messages of bounded size, each enterprise in exactly one. */
function messagesOf(reads: readonly TenantReads[]): TenantReads[][] {
  const messages: TenantReads[][] = [[]];
  let chars = 0;
  for (const read of reads) {
    const size = read.ids.reduce((sum, id) => sum + id.length + 3, read.tenantId.length + 40);
    const current = messages.at(-1) as TenantReads[];
    if (current.length > 0 && chars + size > READS_PER_MESSAGE_CHARS) {
      messages.push([read]);
      chars = size;
    } else {
      current.push(read);
      chars += size;
    }
  }
  return messages;
}

/**
 * Records that an official (or a government integrator) read enterprises' data: one record per
 * tenant touched (issue 3 §5: who looked at what, when). Reads of up to 25 enterprises are
 * written at once (one BatchWriteItem); a map view or a list touching more writes one outbox
 * message instead, in one transaction, and the outbox's `audit` channel writes the records a
 * moment later — so a view of 1,500 enterprises costs the request one write, not 60 batches,
 * and a read is never answered unrecorded: the message is durable before the answer.
 */
export async function recordReads(
  store: Store,
  caller: Caller,
  reads: readonly { tenantId: string; target: { type: string; id: string } }[],
): Promise<void> {
  if (caller.role === "enterpriseAdmin" || caller.role === "enterpriseStaff") return;
  const byTenant = new Map<string, TenantReads>();
  for (const r of reads) {
    if (r.tenantId === caller.tenantId) continue;
    const read = byTenant.get(r.tenantId) ?? { tenantId: r.tenantId, type: r.target.type, ids: [] };
    read.ids.push(r.target.id);
    byTenant.set(r.tenantId, read);
  }
  if (byTenant.size === 0) return;
  const now = new Date();
  const actor = actorOf(caller);
  if (byTenant.size <= READS_WRITTEN_AT_ONCE) {
    const at = now.toISOString();
    const records = [...byTenant.values()].map((read) =>
      readRecord(actor, at, ulid(now.getTime()), read),
    );
    await putAuditItems(store, records.map(auditItem));
    return;
  }
  await writeTogether(
    store,
    messagesOf([...byTenant.values()]).map((part) =>
      outboxStep(
        caller.tenantId,
        { channel: "audit", at: now.toISOString(), actor, reads: part },
        now,
      ),
    ),
  );
}

/**
 * The `audit` channel: each enterprise's record of a read, named by the message, so a repeated
 * delivery writes the same items again rather than new ones.
 */
export function writeReadRecords(
  store: Store,
  effect: Extract<OutboxEffect, { channel: "audit" }>,
  messageId: string,
): Promise<void> {
  return putAuditItems(
    store,
    effect.reads.map((read) => auditItem(readRecord(effect.actor, effect.at, messageId, read))),
  );
}

/**
 * Writes read records in batches of 25, several batches at once (a map view of a busy district
 * touches hundreds of enterprises): a read that cannot be recorded fails rather than going
 * unaudited (`batchWrite`).
 */
function putAuditItems(
  store: Store,
  items: readonly ReturnType<typeof auditItem>[],
): Promise<void> {
  return batchWrite(
    "audit records of reads",
    items,
    (batch) => store.entities.auditRecord.put(batch).go({ concurrency: 4 }),
    (item) => `${item.tenantId}#${item.id}`,
  );
}
