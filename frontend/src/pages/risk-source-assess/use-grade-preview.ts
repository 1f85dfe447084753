import { useEffect, useState } from "react";
import type { Grade } from "../../../../shared/methodology/grade-schema.ts";
import type { GradingPreviewRequest } from "../../../../shared/methodology/grading-request.ts";
import { useApi } from "../../api/api-context.tsx";
import { previewGrade } from "../../api/registry/grading.ts";

export interface PreviewState {
  grade: Grade | undefined;
  error: unknown;
  loading: boolean;
}

const DEBOUNCE_MS = 250;

/**
 * Grades the inputs on the server as they change (debounced; an older answer never replaces a
 * newer one), so the panel shows exactly what submitting would store.
 */
export function useGradePreview(request: GradingPreviewRequest | undefined): PreviewState {
  const client = useApi();
  const [state, setState] = useState<PreviewState>({
    grade: undefined,
    error: undefined,
    loading: false,
  });
  const key = request ? JSON.stringify(request) : "";

  useEffect(() => {
    if (!key) {
      setState({ grade: undefined, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      previewGrade(client, JSON.parse(key) as GradingPreviewRequest, controller.signal).then(
        (grade) => {
          if (!controller.signal.aborted) setState({ grade, error: undefined, loading: false });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ grade: undefined, error, loading: false });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, key]);

  return state;
}
