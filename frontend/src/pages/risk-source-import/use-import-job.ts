import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context.tsx";
import {
  fetchImport,
  type ImportJob,
  type ImportRequest,
  startImport,
} from "../../api/registry/imports.ts";

const POLL_MS = 500;

const finished = (job: ImportJob) => job.status === "done" || job.status === "failed";

/** Starts an import job and polls it until it is done or failed, for the progress bar. */
export function useImportJob() {
  const client = useApi();
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<unknown>();
  const [running, setRunning] = useState(false);
  const run = useRef(0);

  useEffect(
    () => () => {
      run.current++; // stop polling when the page goes away
    },
    [],
  );

  const start = useCallback(
    async (request: ImportRequest) => {
      const mine = ++run.current;
      setRunning(true);
      setError(undefined);
      setJob(undefined);
      try {
        const { id } = await startImport(client, request);
        for (;;) {
          const current = await fetchImport(client, id);
          if (mine !== run.current) return;
          setJob(current);
          if (finished(current)) break;
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      } catch (failure) {
        if (mine === run.current) setError(failure);
      } finally {
        if (mine === run.current) setRunning(false);
      }
    },
    [client],
  );

  const reset = useCallback(() => {
    run.current++;
    setJob(undefined);
    setError(undefined);
    setRunning(false);
  }, []);

  return { job, error, running, start, reset };
}
