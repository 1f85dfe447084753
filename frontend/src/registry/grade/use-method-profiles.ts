import { useMemo } from "react";
import { listMethodProfiles } from "../../api/registry/grading.ts";
import { useApiQuery } from "../../api/use-api-query.ts";

/** The method profiles with their value tables; templates are not gradable, so left out. */
export function useMethodProfiles() {
  const { data, ...rest } = useApiQuery(listMethodProfiles);
  const published = useMemo(() => data?.filter((p) => p.status === "published"), [data]);
  return { ...rest, data: published };
}
