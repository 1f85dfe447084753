import { enc, type RouteCase } from "./route-case.ts";

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

function reportJobCase(path: (id: string) => string, success: number): RouteCase {
  return {
    shape: "item",
    success,
    reaches: (relation) => relation === "ownTenant",
    prepare: async ({ fx, owner }) => {
      const job = await fx.reportJob(owner.tenantId);
      return { id: job.id, request: (id = job.id) => ({ path: path(id) }) };
    },
  };
}

export const statsCases: Readonly<Record<string, RouteCase>> = {
  "GET /api/v1/stats/summary": aggregate("/api/v1/stats/summary"),
  "GET /api/v1/stats/accident-types": aggregate("/api/v1/stats/accident-types"),
  "GET /api/v1/stats/coverage": aggregate("/api/v1/stats/coverage"),
  "GET /api/v1/stats/trends": aggregate("/api/v1/stats/trends?from=2026-11-01&to=2026-11-07"),
  // Reports: a coverage report reads only counters, so the job running after the answer writes
  // nothing into the owners' partitions (no read audit) while later cells watch them.
  "POST /api/v1/reports": {
    shape: "self",
    success: 202,
    prepare: async () => ({
      request: () => ({ path: "/api/v1/reports", body: { kind: "coverage", format: "csv" } }),
    }),
  },
  "GET /api/v1/reports": {
    shape: "self",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/reports" }) }),
  },
  // A report job belongs to the agency that started it: only the own tenant reaches it (that the
  // file holds only the scope's sources is test/integration/reports/'s).
  "GET /api/v1/reports/{id}": reportJobCase((id) => `/api/v1/reports/${enc(id)}`, 200),
  // The fixture's job is done without a file: the link is signed all the same (S3 is not asked).
  "GET /api/v1/reports/{id}/download": reportJobCase(
    (id) => `/api/v1/reports/${enc(id)}/download`,
    200,
  ),
  // City-wide passes: no tenant owns one; only the city administrator is let in (404 for an
  // unknown id is the same for every allowed caller).
  "GET /api/v1/passes": aggregate("/api/v1/passes"),
  "GET /api/v1/passes/{id}": {
    shape: "open",
    success: 404,
    prepare: async () => ({ request: () => ({ path: "/api/v1/passes/review-due-1999-01-01" }) }),
  },
};
