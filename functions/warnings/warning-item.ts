import type { Warning } from "../../shared/warnings/warning.ts";
import { isLive } from "../../shared/warnings/warning.ts";
import { ESCALATION_SHARDS } from "../adapters/dynamodb/entities/warning.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";

/** The stored item of a warning: its record, its listing keys and its escalation deadline. */
export function warningItem(w: Warning) {
  return {
    tenantId: w.tenantId,
    id: w.id,
    seq: w.id.slice(w.id.lastIndexOf("~") + 1),
    district: w.place.district,
    industry: w.place.industry,
    shard: shardOf(w.id, ESCALATION_SHARDS),
    dueAt: isLive(w.status) && w.escalation.dueAt !== null ? w.escalation.dueAt : "",
    version: w.version,
    record: w,
  };
}

/** Warning ids are `<tenantId>~<ULID>`, so one get reads it. */
export function warningOwner(id: string): string | undefined {
  const at = id.indexOf("~");
  return at > 0 ? id.slice(0, at) : undefined;
}

export async function loadWarning(store: Store, id: string): Promise<Warning | undefined> {
  const tenantId = warningOwner(id);
  if (!tenantId) return undefined;
  const { data } = await store.entities.warning.get({ tenantId, id }).go({ consistent: true });
  return data?.record;
}

/** Puts the next version of a warning, conditional on the version it was read at. */
export function putWarning(next: Warning, onConflict?: () => Error): WriteStep {
  return {
    action: (tx) =>
      tx.warning
        .put(warningItem(next))
        .where(({ version }, { eq }) => eq(version, next.version - 1))
        .commit(),
    ...(onConflict ? { onConflict } : {}),
  };
}

/** Releases the (source, rule) claim when a warning leaves the live statuses. */
export function releaseClaim(w: Warning): WriteStep {
  return {
    action: (tx) =>
      tx.liveWarning
        .delete({ tenantId: w.tenantId, riskSourceId: w.riskSourceId, rule: w.rule })
        .commit(),
  };
}
