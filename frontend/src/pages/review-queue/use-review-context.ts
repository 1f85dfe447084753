import { useEffect, useState } from "react";
import type { Assessment } from "../../../../shared/risk/assessment.ts";
import { useApi } from "../../api/api-context.tsx";
import { fetchEnterprise } from "../../api/registry/enterprise.ts";
import { getRiskSource } from "../../api/registry/risk-sources.ts";

/** What a row names besides the assessment: its source's name and its enterprise's name. */
export interface ReviewContext {
  sourceNames: ReadonlyMap<string, string>;
  enterpriseNames: ReadonlyMap<string, string>;
}

/**
 * Reads each source and enterprise of the queue once (the queue holds assessments only). A
 * failed read leaves the id showing; the review itself does not depend on it.
 */
export function useReviewContext(items: readonly Assessment[]): ReviewContext {
  const client = useApi();
  const [sourceNames, setSourceNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [enterpriseNames, setEnterpriseNames] = useState<ReadonlyMap<string, string>>(new Map());
  const sourceIds = [...new Set(items.map((a) => a.riskSourceId))].sort().join("\n");
  const tenantIds = [...new Set(items.map((a) => a.tenantId))].sort().join("\n");

  useEffect(() => {
    const controller = new AbortController();
    const ids = sourceIds.split("\n").filter(Boolean);
    void Promise.allSettled(ids.map((id) => getRiskSource(client, id, controller.signal))).then(
      (results) => {
        if (controller.signal.aborted) return;
        const names = new Map<string, string>();
        for (const r of results)
          if (r.status === "fulfilled") names.set(r.value.value.id, r.value.value.name);
        setSourceNames(names);
      },
    );
    return () => controller.abort();
  }, [client, sourceIds]);

  useEffect(() => {
    const controller = new AbortController();
    const ids = tenantIds.split("\n").filter(Boolean);
    void Promise.allSettled(ids.map((id) => fetchEnterprise(client, id, controller.signal))).then(
      (results) => {
        if (controller.signal.aborted) return;
        const names = new Map<string, string>();
        results.forEach((r, i) => {
          const id = ids[i];
          if (r.status === "fulfilled" && id) names.set(id, r.value.name);
        });
        setEnterpriseNames(names);
      },
    );
    return () => controller.abort();
  }, [client, tenantIds]);

  return { sourceNames, enterpriseNames };
}
