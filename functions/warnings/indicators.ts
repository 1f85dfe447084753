import { ulid } from "ulidx";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import {
  type Indicator,
  type IndicatorCreateInput,
  type IndicatorUpdateInput,
  thresholdsOrdered,
} from "../../shared/warnings/indicator.ts";
import { type IndicatorState, initialState } from "../../shared/warnings/indicator-state.ts";
import { STALENESS_SHARDS } from "../adapters/dynamodb/entities/indicator.ts";
import { shardOf } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { auditStep, writeOnce, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { reachSource, sourceNotFound } from "../registry/source-reach.ts";

export function indicatorItem(record: Indicator) {
  return {
    tenantId: record.tenantId,
    riskSourceId: record.riskSourceId,
    id: record.id,
    shard: shardOf(record.id, STALENESS_SHARDS),
    version: record.version,
    record,
  };
}

export function stateItem(indicator: Indicator, state: IndicatorState) {
  return {
    tenantId: indicator.tenantId,
    indicatorId: indicator.id,
    version: state.version,
    indicator,
    state,
  };
}

function indicatorNotFound(): NotFoundError {
  return new NotFoundError({ zh: "监测指标不存在", en: "Indicator not found" });
}

/** Only the enterprise's own keepers change its indicators (officials read them). */
async function keptSource(caller: Caller, scope: Scope, riskSourceId: string) {
  if (scope.kind !== "tenant") throw sourceNotFound();
  return reachSource(caller, scope, riskSourceId, "assess");
}

/** Adds an indicator to a source, with its state item, in one unit of work (audited). */
export async function createIndicator(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
  input: IndicatorCreateInput,
  now = new Date(),
  requestId?: string,
): Promise<Indicator> {
  const { source, store } = await keptSource(caller, scope, riskSourceId);
  const at = now.toISOString();
  const indicator: Indicator = {
    ...input,
    id: `${source.tenantId}~${ulid(now.getTime())}`,
    tenantId: source.tenantId,
    riskSourceId: source.id,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: source.tenantId,
      action: "indicator.create",
      target: { type: "indicator", id: indicator.id },
      after: indicator,
    },
    now,
  );
  const written = await writeOnce(
    store,
    [
      { action: (tx) => tx.indicator.create(indicatorItem(indicator)).commit() },
      {
        action: (tx) =>
          tx.indicatorState.create(stateItem(indicator, initialState(indicator))).commit(),
      },
      auditStep(audit),
    ],
    requestId === undefined ? undefined : { tenantId: source.tenantId, request: requestId },
    indicator.id,
    now,
  );
  if (!written.replayed) return indicator;
  const first = await loadIndicator(store, source.tenantId, source.id, written.resultId);
  if (!first) throw indicatorNotFound();
  return first;
}

export async function loadIndicator(
  store: Store,
  tenantId: string,
  riskSourceId: string,
  id: string,
): Promise<Indicator | undefined> {
  const { data } = await store.entities.indicator
    .get({ tenantId, riskSourceId, id })
    .go({ consistent: true });
  return data?.record;
}

/** A source's indicators, for everyone who may read the source. */
export async function listIndicators(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: Indicator[]; nextCursor: string | null }> {
  const { source, store } = await reachSource(caller, scope, riskSourceId, "read");
  const partition: Partition<Indicator> = {
    id: `indicators:${source.id}`,
    read: async (c, n) => {
      const page = await store.entities.indicator.query
        .byTenant({ tenantId: source.tenantId, riskSourceId: source.id })
        .go({ cursor: c, limit: n });
      return { items: page.data.map((d) => d.record), cursor: page.cursor };
    },
  };
  return walkPartitions([partition], cursor, limit);
}

/**
 * Changes an indicator (If-Match) and the copy its state item keeps, in one unit of work: the
 * next reading is evaluated under the new thresholds. A concurrent reading batch fails its
 * conditional write and re-reads.
 */
export async function updateIndicator(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
  id: string,
  input: IndicatorUpdateInput,
  expected: number,
  now = new Date(),
): Promise<Indicator> {
  const { source, store } = await keptSource(caller, scope, riskSourceId);
  const found = await loadIndicator(store, source.tenantId, source.id, id);
  if (!found) throw indicatorNotFound();
  if (found.version !== expected) throw staleVersion();
  const next: Indicator = {
    ...found,
    ...input,
    version: found.version + 1,
    updatedAt: now.toISOString(),
  };
  if (!thresholdsOrdered(next.thresholds, next.direction)) {
    throw new ValidationError({ zh: "阈值顺序无效", en: "Thresholds out of order" }, [
      {
        path: "body.thresholds",
        code: "indicator.thresholdsOrder",
        message: {
          zh: "等级越高的阈值须越远离正常值",
          en: "More severe levels need thresholds further out",
        },
      },
    ]);
  }
  const { data: state } = await store.entities.indicatorState
    .get({ tenantId: source.tenantId, indicatorId: id })
    .go({ consistent: true });
  const current = state?.state ?? initialState(found);
  const audit = auditRecord(
    caller,
    {
      tenantId: source.tenantId,
      action: "indicator.update",
      target: { type: "indicator", id },
      before: found,
      after: next,
    },
    now,
  );
  const bumped = { ...current, version: current.version + 1 };
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.indicator
          .put(indicatorItem(next))
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    {
      action: (tx) =>
        tx.indicatorState
          .put(stateItem(next, bumped))
          .where(({ version }, { eq }) => eq(version, current.version))
          .commit(),
    },
    auditStep(audit),
  ]);
  return next;
}
