import { ScanCommand, type ScanCommandInput } from "@aws-sdk/lib-dynamodb";
import { documentClientOf, type Store, tableOf } from "./store.ts";

type Entities = Store["entities"];
type ItemOf<K extends keyof Entities> = Awaited<ReturnType<Entities[K]["scan"]["go"]>>["data"];
/** One page of a scan, its items parsed by their entities. */
export type ScannedPage<K extends keyof Entities> = { [N in K]: ItemOf<N> };

/** Segments read side by side: a table of millions of items is read by several workers. */
const SEGMENTS = 4;

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
  /** Items a page reads at most (before the kind filter): DynamoDB's 1 MB pages when unset. */
  pageSize?: number,
): Promise<void> {
  const client = documentClientOf(store);
  const wanted = names.map((_, i) => `:e${i}`);
  const input: ScanCommandInput = {
    TableName: tableOf(store),
    FilterExpression: `#e IN (${wanted.join(", ")})`,
    ExpressionAttributeNames: { "#e": "__edb_e__" },
    ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:e${i}`, n])),
  };
  // Segments read at once; their pages are handled one after another, each segment waiting
  // for its own before it reads on.
  let handled: Promise<void> = Promise.resolve();
  await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      let start: ScanCommandInput["ExclusiveStartKey"];
      do {
        const page = await client.send(
          new ScanCommand({
            ...input,
            Segment: segment,
            TotalSegments: SEGMENTS,
            ExclusiveStartKey: start,
            Limit: pageSize,
          }),
        );
        const parsed = parsePage(store, names, page.Items ?? []);
        handled = handled.then(() => onPage(parsed));
        await handled;
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
    }),
  );
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
