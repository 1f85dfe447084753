import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import {
  fetchImport,
  type ImportJob,
  type ImportKind,
  type ImportRequest,
  startImport,
} from "../../api/registry/imports.ts";

const POLL_MS = 500;

const finished = (job: ImportJob | undefined) =>
  job !== undefined && (job.status === "done" || job.status === "failed");

/**
 * Starts an import job, then polls it (every half second, only while it runs) for the progress
 * bar. A finished real import refreshes the listings it changed (sources, or enterprises).
 */
export function useImportJob(kind: ImportKind) {
  const client = useApi();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (request: ImportRequest) => startImport(client, request, kind),
  });
  const id = start.data?.id;
  const job = useQuery({
    queryKey: registryKeys.importJob(id),
    queryFn: ({ signal }) => fetchImport(client, kind, id as string, signal),
    enabled: id !== undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : POLL_MS),
  });
  const written = job.data?.status === "done" && !job.data.dryRun;
  useEffect(() => {
    if (!written) return;
    const queryKey =
      kind === "riskSources" ? registryKeys.riskSources() : registryKeys.enterprises();
    void queryClient.invalidateQueries({ queryKey });
  }, [written, kind, queryClient]);

  const current = id === undefined ? undefined : job.data;
  return {
    job: current,
    error: start.error ?? job.error ?? undefined,
    running: start.isPending || (id !== undefined && !finished(current) && !job.error),
    start: (request: ImportRequest) => start.mutate(request),
    reset: start.reset,
  };
}
