import {
  type NativeAttributeValue,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { documentClientOf, type Store } from "./store.ts";

/**
 * Runs a query (ElectroDB's `.params()`) returning only the given document paths of each item
 * (`ProjectionExpression`), page after page until `max` items or the end: the entity library
 * returns whole records, and a map point needs five fields of a source's record, not its
 * controls and contacts. Answers the projected items and whether more remained.
 */
export async function projectedQuery(
  store: Store,
  params: QueryCommandInput,
  paths: readonly (readonly string[])[],
  max: number,
): Promise<{ items: Record<string, NativeAttributeValue>[]; more: boolean }> {
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
  const items: Record<string, NativeAttributeValue>[] = [];
  let start: QueryCommandInput["ExclusiveStartKey"];
  do {
    const page = await client.send(
      new QueryCommand({
        ...query,
        ExpressionAttributeNames: names,
        ProjectionExpression: projection,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined && items.length <= max);
  return { items: items.slice(0, max), more: start !== undefined || items.length > max };
}
