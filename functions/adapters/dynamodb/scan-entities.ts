import { ScanCommand, type ScanCommandInput } from "@aws-sdk/lib-dynamodb";
import { documentClientOf, type Store, tableOf } from "./store.ts";

type Entities = Store["entities"];
type ItemOf<K extends keyof Entities> = Awaited<ReturnType<Entities[K]["scan"]["go"]>>["data"];
/** One page of a scan, its items parsed by their entities. */
export type ScannedPage<K extends keyof Entities> = { [N in K]: ItemOf<N> };

/** A segment's page and the cursor that resumes the segment after it (null at its end). */
export interface ScannedSegmentPage<K extends keyof Entities> {
  page: ScannedPage<K>;
  cursor: string | null;
}

/** Segments read side by side: a table of millions of items is read by several workers. */
const SEGMENTS = 4;
/**
 * Items a page reads at most unless the caller says otherwise. Bounded work per request either
 * way; DynamoDB Local needs it: without a Limit each page reads every remaining item of its
 * segment and keeps the first 1 MB, so a scan costs the square of the segment (a full scan of
 * 100,000 sources and their assessments had not ended after five minutes); with a Limit a page
 * reads what it returns.
 */
export const SCAN_PAGE_ITEMS = 1000;

/**
 * One read of the whole table for several entities at once, each page parsed by its entities
 * and handed to `onPage` before the next is read: a nightly job that needs five kinds of
 * records pays for one scan, not five (each entity's own scan reads every item of the table
 * and filters by kind), and holds a page per segment, not the table. Pages arrive one at a time
 * (never two `onPage` calls at once), in no particular order.
 */
export async function forEachScannedPage<const K extends keyof Entities>(
  store: Store,
  names: readonly K[],
  onPage: (page: ScannedPage<K>) => Promise<void> | void,
  /** Items a page reads at most (before the kind filter; DynamoDB stops a page at 1 MB too). */
  pageSize = SCAN_PAGE_ITEMS,
): Promise<void> {
  // Segments read at once; their pages are handled one after another, each segment waiting
  // for its own before it reads on.
  let handled: Promise<void> = Promise.resolve();
  await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      let cursor: string | null = null;
      do {
        const read: ScannedSegmentPage<K> = await scanSegmentPage(store, names, {
          segment,
          segments: SEGMENTS,
          cursor,
          limit: pageSize,
        });
        handled = handled.then(() => onPage(read.page));
        await handled;
        cursor = read.cursor;
      } while (cursor !== null);
    }),
  );
}

/**
 * One page of one segment of a parallel scan for several entities, parsed by entity; `cursor`
 * resumes the segment (null at its end). Cursors have ElectroDB's form (base64url of the last
 * key), so a checkpoint written by an entity's own scan resumes here and back.
 */
export async function scanSegmentPage<const K extends keyof Entities>(
  store: Store,
  names: readonly K[],
  at: { segment: number; segments: number; cursor: string | null; limit?: number },
): Promise<ScannedSegmentPage<K>> {
  const wanted = names.map((_, i) => `:e${i}`);
  const result = await documentClientOf(store).send(
    new ScanCommand({
      TableName: tableOf(store),
      FilterExpression: `#e IN (${wanted.join(", ")})`,
      ExpressionAttributeNames: { "#e": "__edb_e__" },
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:e${i}`, n])),
      Segment: at.segment,
      TotalSegments: at.segments,
      ExclusiveStartKey: at.cursor === null ? undefined : cursorKey(at.cursor),
      Limit: at.limit,
    }),
  );
  return {
    page: parsePage(store, names, result.Items ?? []),
    cursor:
      result.LastEvaluatedKey === undefined
        ? null
        : Buffer.from(JSON.stringify(result.LastEvaluatedKey)).toString("base64url"),
  };
}

function cursorKey(cursor: string): ScanCommandInput["ExclusiveStartKey"] {
  return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
}

function parsePage<K extends keyof Entities>(
  store: Store,
  names: readonly K[],
  items: readonly Record<string, unknown>[],
): ScannedPage<K> {
  const raw = new Map<K, Record<string, unknown>[]>(names.map((n) => [n, []]));
  for (const item of items) raw.get(item.__edb_e__ as K)?.push(item);
  const parsed = names.map((name) => {
    const entity = store.entities[name] as unknown as {
      parse(input: { Items: Record<string, unknown>[] }): { data: unknown };
    };
    return [name, entity.parse({ Items: raw.get(name) ?? [] }).data];
  });
  return Object.fromEntries(parsed) as ScannedPage<K>;
}
