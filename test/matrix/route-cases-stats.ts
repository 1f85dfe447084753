import type { RouteCase } from "./route-case.ts";

/**
 * Matrix cases of the statistics routes (issue 12): aggregates of the caller's own jurisdiction,
 * so there is no other owner's item to reach — officials get 200, everyone else 401/403. That
 * each official's answer counts only the places its jurisdiction covers is proven by
 * functions/stats/fold.property.test.ts and test/integration/stats/.
 */
const aggregate = (path: string): RouteCase => ({
  shape: "open",
  success: 200,
  prepare: async () => ({ request: () => ({ path }) }),
});

export const statsCases: Readonly<Record<string, RouteCase>> = {
  "GET /api/v1/stats/summary": aggregate("/api/v1/stats/summary"),
  "GET /api/v1/stats/accident-types": aggregate("/api/v1/stats/accident-types"),
  "GET /api/v1/stats/coverage": aggregate("/api/v1/stats/coverage"),
  // City-wide passes: no tenant owns one; only the city administrator is let in (404 for an
  // unknown id is the same for every allowed caller).
  "GET /api/v1/passes": aggregate("/api/v1/passes"),
  "GET /api/v1/passes/{id}": {
    shape: "open",
    success: 404,
    prepare: async () => ({ request: () => ({ path: "/api/v1/passes/review-due-1999-01-01" }) }),
  },
};
