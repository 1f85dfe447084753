import { NotFoundError } from "../../shared/errors.ts";
import type { HiddenDanger } from "../../shared/hidden-dangers/hidden-danger.ts";
import { OVERDUE_SHARDS } from "../adapters/dynamodb/entities/hidden-danger.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { ownerOf } from "../registry/source-reach.ts";

/** The stored item of a danger: its record plus the attributes its index keys are built from. */
export function hiddenDangerItem(record: HiddenDanger) {
  const due = record.dueAt !== null && record.overdueWarnedFor !== record.dueAt ? record.dueAt : "";
  return {
    tenantId: record.tenantId,
    id: record.id,
    seq: record.id.slice(record.id.lastIndexOf("~") + 1),
    district: record.place.district,
    industry: record.place.industry,
    shard: shardOf(record.id, OVERDUE_SHARDS),
    dueAt: due,
    version: record.version,
    record,
  };
}

export function dangerNotFound(): NotFoundError {
  // The same answer whether it does not exist or lies outside the caller's reach.
  return new NotFoundError({ zh: "隐患不存在", en: "Hidden danger not found" });
}

export async function loadDanger(store: Store, id: string): Promise<HiddenDanger | undefined> {
  const tenantId = ownerOf(id);
  if (!tenantId) return undefined;
  const { data } = await store.entities.hiddenDanger.get({ tenantId, id }).go({ consistent: true });
  return data?.record;
}

/** The create of a new danger. */
export function createDanger(record: HiddenDanger): WriteStep {
  return { action: (tx) => tx.hiddenDanger.create(hiddenDangerItem(record)).commit() };
}

/** The put of a danger's next version, conditional on the version it was read at. */
export function putDanger(next: HiddenDanger, onConflict: () => Error = staleVersion): WriteStep {
  return {
    action: (tx) =>
      tx.hiddenDanger
        .put(hiddenDangerItem(next))
        .where(({ version }, { eq }) => eq(version, next.version - 1))
        .commit(),
    onConflict,
  };
}
