import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { documentClientOf, type Store } from "./store.ts";

/**
 * Counts what a query (ElectroDB's `.params()`) matches without returning items (`Select:
 * COUNT`), page by page: the answer carries no data, and on a sparse index (the review queues)
 * only the items still waiting are read.
 */
export async function countQuery(store: Store, params: QueryCommandInput): Promise<number> {
  const client = documentClientOf(store);
  const { Limit: _limit, ExclusiveStartKey: _start, ...query } = params;
  let count = 0;
  let start: QueryCommandInput["ExclusiveStartKey"];
  do {
    const page = await client.send(
      new QueryCommand({ ...query, Select: "COUNT", ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return count;
}
