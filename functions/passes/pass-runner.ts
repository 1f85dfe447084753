import { DISTRICT_CODES } from "../../shared/catalogs/districts.ts";
import { isConditionFailure } from "../adapters/dynamodb/conditions.ts";
import { SHARDS } from "../adapters/dynamodb/shard.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";

/**
 * A scheduled pass's id: its kind and the calendar day in Beijing, so a re-run that day resumes
 * it and the next day's is a new pass.
 */
export function datedPassId(kind: string, now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3600 * 1000);
  return `${kind}-${beijing.toISOString().slice(0, 10)}`;
}

/** Segments `<district>:<shard>`: one per partition of an index sharded by district. */
export const DISTRICT_SHARD_SEGMENTS: readonly string[] = DISTRICT_CODES.flatMap((d) =>
  SHARDS.map((s) => `${d}:${s}`),
);

/** The district and shard of a `DISTRICT_SHARD_SEGMENTS` segment. */
export function districtShardOf(segment: string): { district: string; shard: number } {
  const [district = "", shard = "0"] = segment.split(":");
  return { district, shard: Number(shard) };
}

/** One page of a segment: what it read, and the cursor of the next page (null at the end). */
export interface SegmentPage<T> {
  items: readonly T[];
  cursor: string | null;
}

/** A pass: its segments, how to read one page of a segment, and what to do with each item. */
export interface PassPlan<T> {
  id: string;
  kind: string;
  segments: readonly string[];
  readPage: (segment: string, cursor: string | null) => Promise<SegmentPage<T>>;
  /** Acts on one item, idempotently (a page re-read after a kill acts again); true if it acted. */
  act: (item: T) => Promise<boolean>;
  /** Items of one page acted on at once (default 1); the checkpoint still follows whole pages. */
  concurrency?: number;
  /**
   * Keeps what the pass learnt from a whole page (a reconciliation's partial sums) before the
   * checkpoint moves past it. A page read again after a kill comes with the same offset, maybe
   * other items: the keeper names what it keeps by offset and count, and counts only the pages
   * that lead to the checkpointed end (functions/stats/reconciliation-objects.ts).
   */
  keepPage?: (page: { segment: string; offset: number; items: readonly T[] }) => Promise<void>;
}

/** What starting a pass needs of its plan: the pass and its segments. */
export type PassOutline = Pick<PassPlan<unknown>, "id" | "kind" | "segments">;

/** Runs `work` on every item, at most `limit` at once. */
async function eachAtOnce<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** How many of `items` `act` acted on, running at most `limit` at once. */
async function actOnPage<T>(
  items: readonly T[],
  act: (item: T) => Promise<boolean>,
  limit: number,
): Promise<number> {
  let acted = 0;
  await eachAtOnce(items, limit, async (item) => {
    if (await act(item)) acted += 1;
  });
  return acted;
}

/**
 * Segments a start creates, and an in-process run runs, at once: each is its own items, and a
 * city's 64 one after another spend most of their time waiting on round trips.
 */
const SEGMENTS_AT_ONCE = 8;

/**
 * Creates the pass and its segments' checkpoints once; a second start finds them. Each segment
 * is created with `segmentSteps` (e.g. the queue message that runs it) in one unit of work, and
 * the pass last: a start killed midway is finished by the next, creating (and queueing) only
 * the segments still missing. True when this call finished the start.
 */
export async function startPass(
  store: Store,
  plan: PassOutline,
  now: Date,
  segmentSteps: (segment: string) => readonly WriteStep[] = () => [],
): Promise<boolean> {
  const existing = await store.entities.pass.get({ id: plan.id }).go({ consistent: true });
  if (existing.data) return false;
  const at = now.toISOString();
  await eachAtOnce(plan.segments, SEGMENTS_AT_ONCE, async (segment) => {
    const checkpoint = { passId: plan.id, segment, done: false, seen: 0, acted: 0, updatedAt: at };
    const steps = segmentSteps(segment);
    // Refused when an earlier start created it (and queued its message with it). Alone, it is a
    // conditional put: a transaction of one item would bill twice for nothing.
    if (steps.length === 0) {
      await store.entities.passSegment
        .create(checkpoint)
        .go()
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
      return;
    }
    await attemptTogether(store, [
      { action: (tx) => tx.passSegment.create(checkpoint).commit() },
      ...steps,
    ]);
  });
  const created = await attemptTogether(store, [
    {
      action: (tx) =>
        tx.pass
          .create({
            id: plan.id,
            kind: plan.kind,
            startedAt: at,
            segmentCount: plan.segments.length,
          })
          .commit(),
    },
  ]);
  return created.committed;
}

/**
 * Runs one segment from its checkpoint to its end, saving the checkpoint after every page. A
 * worker killed midway leaves the checkpoint of its last whole page: the restart re-reads at
 * most one page, whose items `act` recognises as done, and skips none. (On AWS each segment is
 * one queue message; locally the scheduler runs them one after another.)
 */
export async function runSegment<T>(
  store: Store,
  plan: PassPlan<T>,
  segment: string,
  clock: () => Date,
): Promise<void> {
  const { data: checkpoint } = await store.entities.passSegment
    .get({ passId: plan.id, segment })
    .go({ consistent: true });
  if (!checkpoint || checkpoint.done) return;
  let { cursor = null, seen, acted } = checkpoint;
  for (;;) {
    const page = await plan.readPage(segment, cursor ?? null);
    acted += await actOnPage(page.items, plan.act, plan.concurrency ?? 1);
    if (plan.keepPage && page.items.length > 0) {
      await plan.keepPage({ segment, offset: seen, items: page.items });
    }
    seen += page.items.length;
    cursor = page.cursor;
    const saved = { done: cursor === null, seen, acted, updatedAt: clock().toISOString() };
    // One item: a plain put (a transaction of one item bills twice).
    await store.entities.passSegment
      .put({ passId: plan.id, segment, ...saved, ...(cursor ? { cursor } : {}) })
      .go();
    if (cursor === null) return;
  }
}

/** Starts (or resumes) a pass and runs every unfinished segment in this process, a few at once. */
export async function runPass<T>(
  store: Store,
  plan: PassPlan<T>,
  clock: () => Date,
): Promise<void> {
  await startPass(store, plan, clock());
  await eachAtOnce(plan.segments, SEGMENTS_AT_ONCE, (segment) =>
    runSegment(store, plan, segment, clock),
  );
}

/** A pass's progress, for the city admin. */
export interface PassProgress {
  id: string;
  kind: string;
  startedAt: string;
  segments: number;
  segmentsDone: number;
  seen: number;
  acted: number;
  done: boolean;
  /** A reconciliation's drifting counters, once compared. */
  drift?: number;
}

export async function passProgress(
  store: Store,
  id: string,
  { consistent = false }: { consistent?: boolean } = {},
): Promise<PassProgress | undefined> {
  const { data: pass } = await store.entities.pass.get({ id }).go({ consistent });
  if (!pass) return undefined;
  const { data: segments } = await store.entities.passSegment.query
    .byPass({ passId: id })
    .go({ pages: "all", consistent });
  const segmentsDone = segments.filter((s) => s.done).length;
  return {
    id,
    kind: pass.kind,
    startedAt: pass.startedAt,
    segments: pass.segmentCount,
    segmentsDone,
    seen: segments.reduce((n, s) => n + s.seen, 0),
    acted: segments.reduce((n, s) => n + s.acted, 0),
    done: segmentsDone === pass.segmentCount,
    ...(pass.drift === undefined ? {} : { drift: pass.drift }),
  };
}

/** Passes newest first (ids start with their kind and date; startedAt orders them). */
export async function listPasses(
  store: Store,
  cursor: string | null,
  limit: number,
): Promise<{ items: PassProgress[]; nextCursor: string | null }> {
  const page = await store.entities.pass.query.byId({}).go({ cursor, limit, order: "desc" });
  const items = await Promise.all(page.data.map((p) => passProgress(store, p.id)));
  return {
    items: items.filter((p): p is PassProgress => p !== undefined),
    nextCursor: page.cursor,
  };
}
