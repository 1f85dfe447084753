import { useCallback, useEffect, useState } from "react";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import type { HttpClient } from "../../api/http-client.ts";
import { getRiskSource, type Tagged } from "../../api/registry/risk-sources.ts";
import { useApiQuery } from "../../api/use-api-query.ts";

/** The source with its ETag; `replace` takes a fresher copy (e.g. the answer of a PATCH). */
export function useTaggedSource(id: string) {
  const load = useCallback(
    (client: HttpClient, signal: AbortSignal) => getRiskSource(client, id, signal),
    [id],
  );
  const query = useApiQuery(load);
  const [latest, setLatest] = useState<Tagged<RiskSource>>();
  useEffect(() => setLatest(query.data), [query.data]);
  return { ...query, data: latest, replace: setLatest };
}
