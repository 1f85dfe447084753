import {
  type NativeAttributeValue,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { documentClientOf, type Store } from "./store.ts";

type Item = Record<string, NativeAttributeValue>;
type StartKey = QueryCommandInput["ExclusiveStartKey"];

/**
 * A query (ElectroDB's `.params()`) that returns only the given document paths of each item
 * (`ProjectionExpression`): the entity library returns whole records, and a map point needs five
 * fields of a source's record, not its controls and contacts.
 */
export function projectedQuery(
  store: Store,
  params: QueryCommandInput,
  paths: readonly (readonly string[])[],
) {
  const client = documentClientOf(store);
  const names: Record<string, string> = { ...params.ExpressionAttributeNames };
  const aliases = new Map<string, string>();
  const alias = (segment: string) => {
    let name = aliases.get(segment);
    if (name === undefined) {
      name = `#p${aliases.size}`;
      aliases.set(segment, name);
      names[name] = segment;
    }
    return name;
  };
  const projection = paths.map((path) => path.map(alias).join(".")).join(", ");
  const { Limit: _limit, ExclusiveStartKey: _start, ...query } = params;

  /** One page from `start` (undefined: the beginning), at most `limit` items read. */
  async function page(start: StartKey, limit?: number): Promise<{ items: Item[]; next: StartKey }> {
    const answer = await client.send(
      new QueryCommand({
        ...query,
        ExpressionAttributeNames: names,
        ProjectionExpression: projection,
        ExclusiveStartKey: start,
        ...(limit === undefined ? {} : { Limit: limit }),
      }),
    );
    return { items: answer.Items ?? [], next: answer.LastEvaluatedKey };
  }

  /** Every item, page after page. */
  async function all(): Promise<Item[]> {
    const items: Item[] = [];
    let start: StartKey;
    do {
      const next = await page(start);
      items.push(...next.items);
      start = next.next;
    } while (start !== undefined);
    return items;
  }

  return { page, all };
}
