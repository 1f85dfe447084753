import { App } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Assessment } from "../../../../shared/risk/assessment.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { listReviewQueue } from "../../api/registry/reviews.ts";

/** The queue with cursor paging; `remove` drops a reviewed assessment without a reload. */
export function useReviewQueue() {
  const client = useApi();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [items, setItems] = useState<Assessment[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const load = useCallback(
    async (cursor: string | undefined) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const page = await listReviewQueue(client, cursor);
        if (mine !== generation.current) return;
        setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (error) {
        if (mine === generation.current) void message.error(errorText(error, t));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [client, message, t],
  );

  useEffect(() => {
    void load(undefined);
  }, [load]);

  return {
    items,
    loading,
    hasMore: nextCursor !== null,
    loadMore: () => nextCursor && void load(nextCursor),
    reload: () => void load(undefined),
    remove: (id: string) => setItems((previous) => previous.filter((a) => a.id !== id)),
  };
}
