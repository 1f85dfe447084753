import type { RiskSourceFilters } from "../../api/registry/risk-sources.ts";

/** How close a review must be to be listed: already overdue, or due within 30 / 90 days. */
export const REVIEW_DUE_OPTIONS = ["overdue", "30d", "90d"] as const;
export type ReviewDue = (typeof REVIEW_DUE_OPTIONS)[number];

/** The filters as the page URL carries them, so a filtered list can be bookmarked or shared. */
export interface ListFilters {
  level?: string;
  industry?: string;
  district?: string;
  due?: ReviewDue;
}

const KEYS = ["level", "industry", "district", "due"] as const;

export function filtersFromSearch(search: URLSearchParams): ListFilters {
  const filters: ListFilters = {};
  for (const key of KEYS) {
    const value = search.get(key);
    if (!value) continue;
    if (key === "due") {
      if (REVIEW_DUE_OPTIONS.some((o) => o === value)) filters.due = value as ReviewDue;
    } else {
      filters[key] = value;
    }
  }
  return filters;
}

export function searchFromFilters(filters: ListFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  return search;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The API query of the filters; `due` becomes a `reviewDueBefore` date relative to today. */
export function apiFilters(filters: ListFilters, now = Date.now()): RiskSourceFilters {
  const query: Record<string, string> = {};
  if (filters.level) query.level = filters.level;
  if (filters.industry) query.industry = filters.industry;
  if (filters.district) query.district = filters.district;
  if (filters.due === "overdue") query.reviewDueBefore = new Date(now).toISOString();
  if (filters.due === "30d") query.reviewDueBefore = isoDate(now + 30 * DAY_MS);
  if (filters.due === "90d") query.reviewDueBefore = isoDate(now + 90 * DAY_MS);
  return query as RiskSourceFilters;
}
