import { ScanCommand, type ScanCommandInput } from "@aws-sdk/lib-dynamodb";
import { documentClientOf, type Store, tableOf } from "./store.ts";

type Entities = Store["entities"];
type ItemOf<K extends keyof Entities> = Awaited<ReturnType<Entities[K]["scan"]["go"]>>["data"];

/** Segments read side by side: a table of millions of items is read by several workers. */
const SEGMENTS = 4;

/**
 * One read of the whole table for several entities at once, each item parsed by its entity:
 * a nightly job that needs five kinds of records pays for one scan, not five (each entity's own
 * scan reads every item of the table and filters by kind).
 */
export async function scanEntities<const K extends keyof Entities>(
  store: Store,
  names: readonly K[],
): Promise<{ [N in K]: ItemOf<N> }> {
  const client = documentClientOf(store);
  const wanted = names.map((_, i) => `:e${i}`);
  const input: ScanCommandInput = {
    TableName: tableOf(store),
    FilterExpression: `#e IN (${wanted.join(", ")})`,
    ExpressionAttributeNames: { "#e": "__edb_e__" },
    ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:e${i}`, n])),
  };
  const raw = new Map<K, Record<string, unknown>[]>(names.map((n) => [n, []]));
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
          }),
        );
        for (const item of page.Items ?? []) raw.get(item.__edb_e__ as K)?.push(item);
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
    }),
  );
  const parsed = names.map((name) => {
    const entity = store.entities[name] as unknown as {
      parse(input: { Items: Record<string, unknown>[] }): { data: unknown };
    };
    return [name, entity.parse({ Items: raw.get(name) ?? [] }).data];
  });
  return Object.fromEntries(parsed) as { [N in K]: ItemOf<N> };
}
