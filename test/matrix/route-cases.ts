import { LEC_DEFAULT } from "../../shared/methodology/profiles/lec-default.ts";
import { riskSourceInput } from "../support/registry-fixtures.ts";
import { type CaseContext, enc, ownerOf, type RouteCase, type Target } from "./route-case.ts";
import { capabilityCases } from "./route-cases-capability.ts";
import { cardCases } from "./route-cases-cards.ts";
import { exchangeCases } from "./route-cases-exchange.ts";
import { hiddenDangerCases } from "./route-cases-hidden-dangers.ts";
import { publicReportCases } from "./route-cases-public-reports.ts";
import { readinessCases } from "./route-cases-readiness.ts";
import { statsCases } from "./route-cases-stats.ts";
import { supervisionCases } from "./route-cases-supervision.ts";
import { tenancyCases } from "./route-cases-tenancy.ts";
import { warningCases } from "./route-cases-warnings.ts";
import { webhookCases } from "./route-cases-webhooks.ts";

/**
 * How the isolation matrix calls each manifest route, keyed by route key (`METHOD path`).
 * A manifest route without an entry here fails the suite, as does an entry without a route.
 * The expected answers are not written here: they follow from the route's row of the permission
 * table (test/matrix/permissions.ts) and the caller's relation to the target
 * (test/matrix/expectations.ts).
 */

const LEC_BODY = { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } } as const;

const open = (request: Target["request"], success = 200): RouteCase => ({
  shape: "open",
  success,
  prepare: async () => ({ request }),
});

/** How many risk sources the caller's own tenant holds (none to count for the anonymous caller). */
async function ownSourceCount(ctx: CaseContext): Promise<number | undefined> {
  const tenantId = ctx.principal?.tenantId;
  if (tenantId === undefined) return undefined;
  const { data } = await ctx.fx.store.entities.riskSource.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.length;
}

/**
 * The next version of the LEC profile, read uncached from the table when the case runs
 * (published versions are immutable; the retire cases publish versions of their own).
 */
async function nextLecVersion(ctx: CaseContext) {
  const { readVersions } = await import("../../functions/registry/method-profiles.ts");
  const versions = await readVersions(ctx.fx.store, "lec-default");
  const version = Math.max(...versions.map((v) => v.version)) + 1;
  return { ...LEC_DEFAULT, version, status: "published" as const };
}

const registryCases: Readonly<Record<string, RouteCase>> = {
  // system
  "GET /api/v1/health": open(() => ({ path: "/api/v1/health" })),
  "GET /api/v1/openapi.json": open(() => ({ path: "/api/v1/openapi.json" })),
  "GET /api/docs": open(() => ({ path: "/api/docs" })),
  "GET /api/v1/me": open(() => ({ path: "/api/v1/me" })),

  // grading and catalogs
  "POST /api/v1/grading/preview": open(() => ({
    path: "/api/v1/grading/preview",
    body: LEC_BODY,
  })),
  "GET /api/v1/method-profiles": open(() => ({ path: "/api/v1/method-profiles" })),
  "POST /api/v1/method-profiles": {
    shape: "open",
    success: 201,
    serial: true,
    prepare: async (ctx) => {
      const body = await nextLecVersion(ctx);
      return { request: () => ({ path: "/api/v1/method-profiles", body }) };
    },
  },
  // Each allowed call retires a version of its own, published for it just before.
  "POST /api/v1/method-profiles/{profileId}/versions/{version}/retire": {
    shape: "open",
    success: 200,
    serial: true,
    prepare: async (ctx) => {
      const body = await nextLecVersion(ctx);
      await ctx.fx.store.entities.methodProfile
        .create({ profileId: body.id, version: body.version, record: body })
        .go();
      return {
        request: () => ({
          path: `/api/v1/method-profiles/lec-default/versions/${body.version}/retire`,
        }),
      };
    },
  },
  "GET /api/v1/method-profiles/{profileId}/versions": open(() => ({
    path: "/api/v1/method-profiles/lec-default/versions",
  })),
  // An industry is catalog knowledge, not a secret: another department's industry is a 403.
  "PUT /api/v1/industries/{industry}/method-profiles": {
    shape: "item",
    success: 200,
    refusal: 403,
    prepare: async ({ owner }) => ({
      id: owner.place.industry,
      request: (id = owner.place.industry) => ({
        path: `/api/v1/industries/${enc(id)}/method-profiles`,
        body: { profileIds: [] },
      }),
    }),
  },
  "GET /api/v1/identification-lists/{industry}": open(() => ({
    path: "/api/v1/identification-lists/gas",
  })),

  // the caller's own enterprise
  "GET /api/v1/enterprise": {
    shape: "self",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/enterprise" }) }),
  },
  "PATCH /api/v1/enterprise": {
    shape: "self",
    success: 200,
    serial: true,
    prepare: async ({ fx, principal, owner }) => {
      const own = ownerOf(principal) ?? owner;
      const stored = () => fx.storedEnterprise(own);
      const current = await stored();
      return {
        request: () => ({
          path: "/api/v1/enterprise",
          body: { address: `北京市测试路 ${(current?.version ?? 1) + 1} 号` },
          headers: { "if-match": `"${current?.version ?? 1}"` },
        }),
        stored,
      };
    },
  },

  // enterprises in reach
  "GET /api/v1/enterprises": {
    shape: "list",
    success: 200,
    prepare: async ({ owner }) => ({
      id: owner.tenantId,
      request: () => ({ path: "/api/v1/enterprises?limit=200" }),
    }),
  },
  "GET /api/v1/enterprises/{tenantId}": {
    shape: "item",
    success: 200,
    prepare: async ({ owner }) => ({
      id: owner.tenantId,
      request: (id = owner.tenantId) => ({ path: `/api/v1/enterprises/${enc(id)}` }),
    }),
  },

  // risk sources
  "GET /api/v1/risk-sources": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => ({
      id: fx.shared(owner).source.id,
      request: () => ({ path: "/api/v1/risk-sources?limit=200" }),
    }),
  },
  "GET /api/v1/map-points": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: () => ({ path: `/api/v1/map-points?district=${source.supervision.district}` }),
      };
    },
  },
  "POST /api/v1/risk-sources": {
    shape: "self",
    success: 201,
    prepare: async (ctx) => {
      const own = ownerOf(ctx.principal) ?? ctx.owner;
      return {
        request: () => ({ path: "/api/v1/risk-sources", body: riskSourceInput(own.place) }),
        // Refused callers must not have written anything into their own partition.
        stored: () => ownSourceCount(ctx),
      };
    },
  },
  "GET /api/v1/risk-sources/{id}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({ path: `/api/v1/risk-sources/${enc(id)}` }),
      };
    },
  },
  "PATCH /api/v1/risk-sources/{id}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const source = await fx.source(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: `/api/v1/risk-sources/${enc(id)}`,
          body: { description: "汽油、柴油加注与卸油作业" },
          headers: { "if-match": '"1"' },
        }),
        stored: () => fx.storedSource(owner, source.id),
      };
    },
  },
  "DELETE /api/v1/risk-sources/{id}": {
    shape: "item",
    success: 204,
    prepare: async ({ fx, owner }) => {
      const source = await fx.source(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: `/api/v1/risk-sources/${enc(id)}`,
          headers: { "if-match": '"1"' },
        }),
        stored: () => fx.storedSource(owner, source.id),
      };
    },
  },
  "POST /api/v1/risk-sources/{id}/assessments": {
    shape: "item",
    success: 201,
    prepare: async ({ fx, owner }) => {
      const source = await fx.source(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: `/api/v1/risk-sources/${enc(id)}/assessments`,
          body: LEC_BODY,
        }),
        stored: () => fx.storedSource(owner, source.id),
      };
    },
  },
  "GET /api/v1/risk-sources/{id}/assessments": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({ path: `/api/v1/risk-sources/${enc(id)}/assessments` }),
      };
    },
  },

  // government review
  "GET /api/v1/reviews": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => ({
      id: fx.shared(owner).assessment.id,
      request: () => ({ path: "/api/v1/reviews?limit=200" }),
    }),
  },
  "POST /api/v1/assessments/{id}/review": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { assessment } = await fx.assessedSource(owner);
      return {
        id: assessment.id,
        request: (id = assessment.id) => ({
          path: `/api/v1/assessments/${enc(id)}/review`,
          body: { decision: "accept", comment: "同意" },
          headers: { "if-match": '"1"' },
        }),
        stored: () => fx.storedAssessment(assessment),
      };
    },
  },
  "POST /api/v1/reviews/batch": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { assessment } = await fx.assessedSource(owner);
      return {
        id: assessment.id,
        request: (id = assessment.id) => ({
          path: "/api/v1/reviews/batch",
          body: { items: [{ id, version: 1, decision: "accept", comment: "同意" }] },
        }),
        stored: () => fx.storedAssessment(assessment),
      };
    },
    result: (body) => {
      const [item] = (
        body as { items: { status: number; assessment?: unknown; problem?: unknown }[] }
      ).items;
      return { status: item?.status ?? 0, body: item?.problem ?? item?.assessment };
    },
  },
};

export const routeCases: Readonly<Record<string, RouteCase>> = {
  ...registryCases,
  ...tenancyCases,
  ...exchangeCases,
  ...supervisionCases,
  ...warningCases,
  ...hiddenDangerCases,
  ...publicReportCases,
  ...statsCases,
  ...cardCases,
  ...webhookCases,
  ...readinessCases,
  ...capabilityCases,
};
