import { App } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "./api-context.tsx";
import { errorText } from "./error-text.ts";
import type { HttpClient } from "./http-client.ts";
import { ApiError } from "./problem.ts";

export type Loader<T> = (client: HttpClient, signal: AbortSignal) => Promise<T>;

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a loader when the component mounts (and on reload), cancelling on unmount. Failures are
 * shown with antd `message`, except 401, which the client already turned into a sign-out.
 * Pass a module-level loader so its identity is stable.
 */
export function useApiQuery<T>(load: Loader<T>): QueryState<T> {
  const client = useApi();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  // `attempt` re-runs the loader on reload(); `t` is only read when an error is shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the reload trigger
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    load(client, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
        if (!(failure instanceof ApiError && failure.status === 401)) {
          void message.error(errorText(failure, t));
        }
      },
    );
    return () => controller.abort();
  }, [client, load, message, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}
