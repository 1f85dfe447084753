import { EnterpriseListQuerySchema } from "../../../../shared/risk/list-query.ts";
import type { EnterpriseFilters } from "../../api/registry/enterprise.ts";

const FILTER_KEYS = ["district", "street", "industry", "stage"] as const;
const FiltersSchema = EnterpriseListQuerySchema.pick({
  district: true,
  street: true,
  industry: true,
  stage: true,
});

/**
 * The directory's filters as the address has them (the dashboard's links set them), each read on
 * its own: a stale or mistyped one is dropped, the others still filter.
 */
export function directoryFiltersOf(search: URLSearchParams): EnterpriseFilters {
  const valid = FILTER_KEYS.flatMap((key) => {
    const value = search.get(key);
    return value && FiltersSchema.shape[key].safeParse(value).success ? [[key, value]] : [];
  });
  const parsed = FiltersSchema.safeParse(Object.fromEntries(valid));
  return parsed.success ? parsed.data : {};
}
