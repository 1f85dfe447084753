import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Grade } from "../../../../shared/methodology/grade-schema.ts";
import type { GradingPreviewRequest } from "../../../../shared/methodology/grading-request.ts";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { previewGrade } from "../../api/registry/grading.ts";

export interface PreviewState {
  grade: Grade | undefined;
  error: unknown;
  loading: boolean;
}

const DEBOUNCE_MS = 250;

/** The value once it has stopped changing for `ms`; compared by its JSON, not its identity. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the JSON key stands for the value
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/**
 * Grades the inputs on the server as they change (debounced; each set of inputs is its own
 * query, so an older answer never replaces a newer one), so the panel shows exactly what
 * submitting would store. The last grade stays on screen while the next one is computed.
 */
export function useGradePreview(request: GradingPreviewRequest | undefined): PreviewState {
  const client = useApi();
  const settled = useSettled(request, DEBOUNCE_MS);
  const query = useQuery({
    queryKey: registryKeys.gradePreview(settled),
    queryFn: ({ signal }) => previewGrade(client, settled as GradingPreviewRequest, signal),
    enabled: settled !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!request) return { grade: undefined, error: undefined, loading: false };
  const waiting = JSON.stringify(request) !== JSON.stringify(settled);
  return {
    grade: query.error ? undefined : query.data,
    error: query.error ?? undefined,
    loading: waiting || query.isFetching,
  };
}
