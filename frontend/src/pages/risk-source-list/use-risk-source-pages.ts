import { App } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { listRiskSources, type RiskSourceFilters } from "../../api/registry/risk-sources.ts";

/**
 * Cursor paging: the first page loads when the filters change, `loadMore` appends the next one
 * while `nextCursor` is set. A filter change drops pages still in flight.
 */
export function useRiskSourcePages(filters: RiskSourceFilters) {
  const client = useApi();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [items, setItems] = useState<RiskSource[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const key = JSON.stringify(filters);

  const load = useCallback(
    async (cursor: string | undefined) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const page = await listRiskSources(client, JSON.parse(key), cursor);
        if (mine !== generation.current) return;
        setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (error) {
        if (mine === generation.current) void message.error(errorText(error, t));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [client, key, message, t],
  );

  useEffect(() => {
    setItems([]);
    void load(undefined);
  }, [load]);

  const loadMore = useCallback(() => {
    if (nextCursor) void load(nextCursor);
  }, [load, nextCursor]);

  return { items, loading, hasMore: nextCursor !== null, loadMore };
}
