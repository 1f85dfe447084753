import type { Actor } from "../../shared/audit/audit-record.ts";
import { ConflictError } from "../../shared/errors.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Indicator } from "../../shared/warnings/indicator.ts";
import { applyReading, type IndicatorState } from "../../shared/warnings/indicator-state.ts";
import {
  checkReading,
  type ReadingInput,
  type ReadingsResult,
  type RejectedReading,
} from "../../shared/warnings/reading-input.ts";
import type { EscalationTiming, WarningRuleSet } from "../../shared/warnings/rules.ts";
import type { WarningSignal } from "../../shared/warnings/signals.ts";
import { batchRead } from "../adapters/dynamodb/batch-read.ts";
import { isConditionFailure } from "../adapters/dynamodb/conditions.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import { stateItem } from "./indicators.ts";
import type { ArchivedReading, ReadingArchive } from "./reading-archive.ts";
import { liveWarningOf, planSignal, sourceFacts } from "./signal-steps.ts";

type Valid = ReadingInput & { index: number };

/** How readings of one request reach the table and the archive. */
export interface ReadingsContext {
  /** The caller's tenant-confined store (its indicators live in its partition). */
  store: Store;
  tenantId: string;
  actor: Actor;
  archive: ReadingArchive;
  /** The enterprise's name, for warnings the readings raise (read once per request). */
  enterpriseName: () => Promise<string>;
  /** Escalation deadlines of a district. */
  timing: (district: string) => Promise<EscalationTiming>;
  /**
   * The rule set in force, read once per batch from a store that reaches platform items (the
   * function's; a tenant-confined `store` cannot).
   */
  ruleSet: () => Promise<WarningRuleSet>;
  now: Date;
}

/** A batch's context with the rule set it is evaluated under, the same for every reading. */
interface Ingestion extends ReadingsContext {
  rules: WarningRuleSet;
}

interface Loaded {
  indicator: Indicator;
  state: IndicatorState;
}

const WRITE_CONCURRENCY = 16;
const ATTEMPTS = 4;

async function loadStates(store: Store, tenantId: string, ids: readonly string[]) {
  const items = await batchRead(
    ids.map((indicatorId) => ({ tenantId, indicatorId })),
    (keys) => store.entities.indicatorState.get(keys).go({ consistent: true }),
  );
  return new Map<string, Loaded>(
    items.map((d) => [d.indicatorId, { indicator: d.indicator, state: d.state }]),
  );
}

/**
 * The sources of the batch's indicators, by id: a warning names its source, and an indicator
 * outlives its deleted source (absent here).
 */
async function loadSources(store: Store, tenantId: string, ids: ReadonlySet<string>) {
  const items = await batchRead(
    [...ids].map((id) => ({ tenantId, id })),
    (keys) => store.entities.riskSource.get(keys).go(),
  );
  return new Map<string, RiskSource>(items.map((d) => [d.id, d.record]));
}

async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  });
  await Promise.all(workers);
}

function notFound(index: number): RejectedReading {
  return {
    index,
    code: "indicator.notFound",
    message: { zh: "监测指标不存在", en: "Indicator not found" },
  };
}

function sourceRemoved(index: number): RejectedReading {
  return {
    index,
    code: "riskSource.removed",
    message: { zh: "监测指标所属的风险源已删除", en: "The indicator's risk source was removed" },
  };
}

/** One indicator's readings evaluated in time order, cut where a warning changes. */
interface Segment {
  state: IndicatorState;
  signals: WarningSignal[];
}

function evaluate(loaded: Loaded, readings: readonly Valid[], rules: WarningRuleSet) {
  let state = loaded.state;
  const segments: Segment[] = [];
  const archived: Valid[] = [];
  let duplicates = 0;
  for (const r of readings) {
    const out = applyReading(loaded.indicator, state, r, rules);
    if (out.fate === "duplicate") {
      duplicates += 1;
      continue;
    }
    archived.push(r);
    state = out.state;
    // A warning's create and its clear cannot share one transaction: each change is its own.
    if (out.signals.length > 0) segments.push({ state, signals: out.signals });
  }
  const last = segments[segments.length - 1];
  if (state !== loaded.state && last?.state !== state) segments.push({ state, signals: [] });
  return { segments, archived, duplicates };
}

/**
 * Writes one segment: the state item conditional on the version read, with the warnings its
 * signals raise, re-fire or clear in the same unit of work. Without signals a single
 * conditional put does (no transaction). Returns false when the state changed meanwhile.
 */
async function writeSegment(
  ctx: Ingestion,
  source: RiskSource,
  indicator: Indicator,
  previousVersion: number,
  segment: Segment,
): Promise<boolean> {
  const next = { ...segment.state, version: previousVersion + 1 };
  const put = (v: number) =>
    ctx.store.entities.indicatorState
      .put(stateItem(indicator, { ...next, version: v }))
      .where(({ version }, { eq }) => eq(version, previousVersion));
  if (segment.signals.length === 0) {
    try {
      await put(next.version).go();
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
  // One signal per rule; the reads a warning needs go out together (a breach waits on them).
  const signals = segment.signals.filter(
    (s, i, all) => all.findIndex((other) => other.rule === s.rule) === i,
  );
  const [enterpriseName, lives] = await Promise.all([
    ctx.enterpriseName(),
    Promise.all(
      signals.map((s) =>
        liveWarningOf(ctx.store, indicator.tenantId, indicator.riskSourceId, s.rule),
      ),
    ),
  ]);
  const facts = sourceFacts(source, enterpriseName);
  const terms = { rules: ctx.rules, timing: await ctx.timing(facts.place.district) };
  const steps: WriteStep[] = [
    {
      action: (tx) =>
        tx.indicatorState
          .put(stateItem(indicator, next))
          .where(({ version }, { eq }) => eq(version, previousVersion))
          .commit(),
    },
  ];
  signals.forEach((signal, i) => {
    steps.push(...planSignal(lives[i], signal, facts, terms, ctx.actor, ctx.now).steps);
  });
  const outcome = await attemptTogether(ctx.store, steps);
  // Refused: the state moved on, or a warning of the same source and rule was raised
  // meanwhile (its claim exists now). Either way the caller reads again and retries.
  return outcome.committed;
}

/** Applies one indicator's readings, re-reading its state when a concurrent write got there first. */
async function ingestIndicator(
  ctx: Ingestion,
  source: RiskSource,
  loaded: Loaded,
  readings: Valid[],
) {
  let current = loaded;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { segments } = evaluate(current, readings, ctx.rules);
    let version = current.state.version;
    let ok = true;
    for (const segment of segments) {
      if (!(await writeSegment(ctx, source, current.indicator, version, segment))) {
        ok = false;
        break;
      }
      version += 1;
    }
    if (ok) return;
    const again = (await loadStates(ctx.store, ctx.tenantId, [current.indicator.id])).get(
      current.indicator.id,
    );
    if (!again) return;
    current = again;
  }
  throw new ConflictError({
    zh: "监测指标状态正被同时更新，请重试",
    en: "The indicator's state is being updated concurrently; retry",
  });
}

/**
 * Takes a batch of readings (up to 1,000): each is validated on its own and rejected with its
 * index, the good ones are kept. Per indicator, in time order, they move its one state item and
 * raise, re-fire or clear warnings; new readings are archived in one batch before any state is
 * written (so none is lost), and a reading of an (indicator, timestamp) already taken is a
 * duplicate (idempotent). The whole batch is evaluated under one rule set, the one in force.
 */
export async function ingestReadings(
  context: ReadingsContext,
  raw: readonly unknown[],
): Promise<ReadingsResult> {
  const rules = await context.ruleSet();
  const ctx: Ingestion = { ...context, rules };
  const rejected: RejectedReading[] = [];
  const byIndicator = new Map<string, Valid[]>();
  raw.forEach((item, index) => {
    const checked = checkReading(index, item, ctx.now);
    if (!checked.ok) {
      rejected.push(checked.rejected);
      return;
    }
    const { reading } = checked;
    // Ids are `<tenantId>~<ULID>`: another tenant's indicator is simply not found.
    if (!reading.indicatorId.startsWith(`${ctx.tenantId}~`)) {
      rejected.push(notFound(index));
      return;
    }
    const list = byIndicator.get(reading.indicatorId) ?? [];
    list.push(reading);
    byIndicator.set(reading.indicatorId, list);
  });
  const loaded = await loadStates(ctx.store, ctx.tenantId, [...byIndicator.keys()]);
  // A warning names its source: readings of a removed source's indicator are refused one by
  // one, rather than failing the batch when one of them would raise.
  const sources = await loadSources(
    ctx.store,
    ctx.tenantId,
    new Set([...loaded.values()].map((l) => l.indicator.riskSourceId)),
  );
  const work: [RiskSource, Loaded, Valid[]][] = [];
  for (const [id, readings] of byIndicator) {
    const found = loaded.get(id);
    if (!found) {
      rejected.push(...readings.map((r) => notFound(r.index)));
      continue;
    }
    const source = sources.get(found.indicator.riskSourceId);
    if (!source) {
      rejected.push(...readings.map((r) => sourceRemoved(r.index)));
      continue;
    }
    readings.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    work.push([source, found, readings]);
  }
  let accepted = 0;
  let duplicates = 0;
  const archive: ArchivedReading[] = [];
  const receivedAt = ctx.now.toISOString();
  for (const [, found, readings] of work) {
    const evaluated = evaluate(found, readings, rules);
    accepted += evaluated.archived.length;
    duplicates += evaluated.duplicates;
    for (const r of evaluated.archived) {
      archive.push({
        tenantId: found.indicator.tenantId,
        riskSourceId: found.indicator.riskSourceId,
        indicatorId: r.indicatorId,
        at: r.at,
        value: r.value,
        receivedAt,
      });
    }
  }
  await ctx.archive.put(archive);
  await forEachLimited(work, WRITE_CONCURRENCY, ([source, found, readings]) =>
    ingestIndicator(ctx, source, found, readings),
  );
  rejected.sort((a, b) => a.index - b.index);
  return { accepted, duplicates, rejected };
}
