import { LEVELS } from "../../../shared/methodology/levels.ts";
import { WARNING_STATUSES } from "../../../shared/warnings/warning.ts";
import type { WarningFilters } from "./warnings.ts";

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.find((o) => o === value);

/** The inbox filters as its URL carries them (`/warnings?level=major&status=open`). */
export function warningFiltersFromSearch(search: URLSearchParams): WarningFilters {
  const level = oneOf(LEVELS, search.get("level"));
  const status = oneOf(WARNING_STATUSES, search.get("status"));
  return { ...(level ? { level } : {}), ...(status ? { status } : {}) };
}

export function searchFromWarningFilters(filters: WarningFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.level) search.set("level", filters.level);
  if (filters.status) search.set("status", filters.status);
  return search;
}
