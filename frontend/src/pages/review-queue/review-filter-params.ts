import type { ReviewFilters } from "../../api/registry/reviews.ts";

const KEYS = ["level", "district", "industry", "overdue", "q", "order"] as const;

/**
 * The queue's filters as the page URL carries them — the names the API takes, so a dashboard
 * number links straight to its list (`/reviews?overdue=true&district=110105`).
 */
export function reviewFiltersFromSearch(search: URLSearchParams): ReviewFilters {
  const filters: Record<string, string> = {};
  for (const key of KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  if (filters.overdue !== "true") delete filters.overdue;
  if (filters.order !== "oldest") delete filters.order;
  return filters as ReviewFilters;
}

export function searchFromReviewFilters(filters: ReviewFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  return search;
}
