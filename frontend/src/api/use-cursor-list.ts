import { type QueryKey, useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApi } from "./api-context.tsx";
import type { HttpClient } from "./http-client.ts";

/** What every listing answers: a page of items and the cursor of the next, null on the last. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type PageLoader<T> = (
  client: HttpClient,
  cursor: string | undefined,
  signal: AbortSignal,
) => Promise<CursorPage<T>>;

/**
 * A `{ items, nextCursor }` listing as an infinite query: the first page loads with the key,
 * `fetchNextPage` appends the next while `hasNextPage`; a key change starts over, and a late
 * page of an old key never lands in the new list.
 */
export function useCursorList<P extends CursorPage<unknown>>(
  queryKey: QueryKey,
  load: (client: HttpClient, cursor: string | undefined, signal: AbortSignal) => Promise<P>,
  options: {
    enabled?: boolean /** Re-reads the loaded pages this often (ms), e.g. an inbox. */;
    refetchInterval?: number;
  } = {},
) {
  const client = useApi();
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => load(client, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
  const items = useMemo(
    (): P["items"][number][] => query.data?.pages.flatMap((p) => p.items) ?? [],
    [query.data],
  );
  // The first page may carry more than items (e.g. the review queue's total).
  return { ...query, items, firstPage: query.data?.pages[0] };
}
