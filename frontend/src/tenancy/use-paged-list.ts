import { useCallback, useEffect, useState } from "react";
import type { Page } from "../../../shared/tenancy/views.ts";
import { useApi } from "../api/api-context.tsx";
import type { HttpClient } from "../api/http-client.ts";

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A `{ items, nextCursor }` listing read page by page; `load` must be stable (module level or
 * memoised), and a change of it starts over.
 */
export function usePagedList<T>(
  load: (client: HttpClient, cursor: string | undefined) => Promise<Page<T>>,
): PagedList<T> {
  const client = useApi();
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  const fetchPage = useCallback(
    async (from: string | undefined, append: boolean) => {
      setLoading(true);
      try {
        const page = await load(client, from);
        setItems((current) => (append ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (failure) {
        setError(failure);
      } finally {
        setLoading(false);
      }
    },
    [client, load],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    void fetchPage(undefined, false);
  }, [fetchPage, generation]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => {
      if (cursor) void fetchPage(cursor, true);
    },
    reload: () => setGeneration((n) => n + 1),
  };
}
