import type { ImportKind } from "../../shared/exchange/import-job.ts";
import { enc, type RouteCase } from "./route-case.ts";

/** Matrix cases of the exchange API (templates, exports, import jobs). */

const IMPORT_BODY = {
  fileName: "matrix.csv",
  format: "csv",
  contentBase64: Buffer.from("名称,场所\nname,place\n", "utf8").toString("base64"),
  dryRun: true,
} as const;

const startImport = (path: string): RouteCase => ({
  shape: "self",
  success: 202,
  prepare: async () => ({ request: () => ({ path, body: IMPORT_BODY }) }),
});

/** Jobs belong to the tenant that started them; the agencies' jobs are their own. */
const readOwnJob = (path: string, kind: ImportKind): RouteCase => ({
  shape: "self",
  success: 200,
  prepare: async ({ fx, principal, owner }) => {
    const job = await fx.importJob(principal?.tenantId ?? owner.tenantId, kind);
    return { id: job.id, request: (id = job.id) => ({ path: `${path}/${enc(id)}` }) };
  },
});

export const exchangeCases: Readonly<Record<string, RouteCase>> = {
  "GET /api/v1/risk-sources/import-template": {
    shape: "self",
    success: 200,
    prepare: async () => ({
      request: () => ({ path: "/api/v1/risk-sources/import-template?format=csv" }),
    }),
  },
  // The job runs after the answer; a filter matching no source keeps it from writing the read
  // audit records of officials into the owners' partitions while later cells watch them.
  "POST /api/v1/risk-sources/exports": {
    shape: "self",
    success: 202,
    prepare: async () => ({
      request: () => ({
        path: "/api/v1/risk-sources/exports",
        body: { format: "csv", reviewDueBefore: "2000-01-01" },
      }),
    }),
  },
  // An export job belongs to the tenant that started it, officials' jobs too: no relation but
  // the own tenant reaches it (what the file holds is the scope's listing, checked by the
  // listing's own cases and the exchange API's export tests).
  "GET /api/v1/risk-sources/exports/{id}": {
    shape: "item",
    success: 200,
    reaches: (relation) => relation === "ownTenant",
    prepare: async ({ fx, owner }) => {
      const job = await fx.exportJob(owner.tenantId);
      return {
        id: job.id,
        request: (id = job.id) => ({ path: `/api/v1/risk-sources/exports/${enc(id)}` }),
      };
    },
  },
  "POST /api/v1/risk-sources/imports": startImport("/api/v1/risk-sources/imports"),
  // An enterprise's risk-source import job: its own users only.
  "GET /api/v1/risk-sources/imports/{id}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const job = await fx.importJob(owner.tenantId, "riskSources");
      return {
        id: job.id,
        request: (id = job.id) => ({ path: `/api/v1/risk-sources/imports/${enc(id)}` }),
      };
    },
  },
  "POST /api/v1/enterprises/census-imports": startImport("/api/v1/enterprises/census-imports"),
  "GET /api/v1/enterprises/census-imports/{id}": readOwnJob(
    "/api/v1/enterprises/census-imports",
    "census",
  ),
  "POST /api/v1/enterprises/standardization-imports": startImport(
    "/api/v1/enterprises/standardization-imports",
  ),
  "GET /api/v1/enterprises/standardization-imports/{id}": readOwnJob(
    "/api/v1/enterprises/standardization-imports",
    "standardization",
  ),
};
