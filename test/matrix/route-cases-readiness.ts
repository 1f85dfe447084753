import type { Owner } from "../support/matrix-owners.ts";
import type { Principal, Relation } from "../support/matrix-principals.ts";
import {
  drillCount,
  matrixPlan,
  matrixResource,
  storedPlan,
  storedResource,
} from "../support/matrix-readiness-fixtures.ts";
import type { CaseContext, RouteCase } from "./route-case.ts";
import { enc, oncePerOwner, ownerOf } from "./route-case.ts";

/** Matrix cases of emergency readiness (issue 14): resources, survey, nearest, plans, drills. */

const ownOnly = (relation: Relation) => relation === "ownTenant";

/** One resource and one plan (with a document) per owner, made once and read by many cells. */
const sharedResource = oncePerOwner((ctx) => matrixResource(ctx.fx.store, ctx.owner));
const sharedPlan = oncePerOwner((ctx) =>
  matrixPlan(ctx.fx.store, ctx.fx.shared(ctx.owner).source, true),
);

/** A resource body the caller may record: its enterprise's kind, or a shelter in its area. */
function resourceBody(principal: Principal | undefined, own: Owner) {
  const common = {
    name: "应急物资库",
    quantity: 3,
    unit: "处",
    location: { lon: 116.45, lat: 39.92 },
    contact: { name: "李主任", phone: "13900139000" },
    availability: "available",
  };
  if (principal?.id === "jianwaiOfficial" || principal?.id === "chaoyangOfficial") {
    return { ...common, category: "shelter", district: "110105", street: "建外街道" };
  }
  if (principal?.id === "haidianOfficial") {
    return {
      ...common,
      category: "shelter",
      district: "110108",
      street: "中关村街道",
      location: { lon: 116.31, lat: 39.98 },
    };
  }
  if (principal?.id === "cityAdmin") {
    return { ...common, category: "medical", district: "110105", street: own.place.street };
  }
  return { ...common, category: "supplies" };
}

async function ownResourceCount(ctx: CaseContext): Promise<number | undefined> {
  const tenantId = ctx.principal?.tenantId;
  if (tenantId === undefined) return undefined;
  const { data } = await ctx.fx.store.entities.emergencyResource.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.length;
}

export const readinessCases: Readonly<Record<string, RouteCase>> = {
  "GET /api/v1/emergency-resources": {
    shape: "list",
    success: 200,
    prepare: async (ctx) => ({
      id: (await sharedResource(ctx)).id,
      request: () => ({ path: "/api/v1/emergency-resources?limit=500" }),
    }),
  },
  // Serial: the stored count is the caller's tenant's, which its other cells write to.
  "POST /api/v1/emergency-resources": {
    shape: "self",
    success: 201,
    serial: true,
    prepare: async (ctx) => {
      const own = ownerOf(ctx.principal) ?? ctx.owner;
      return {
        request: () => ({
          path: "/api/v1/emergency-resources",
          body: resourceBody(ctx.principal, own),
        }),
        stored: () => ownResourceCount(ctx),
      };
    },
  },
  "GET /api/v1/emergency-resources/{id}": {
    shape: "item",
    success: 200,
    prepare: async (ctx) => {
      const resource = await sharedResource(ctx);
      return {
        id: resource.id,
        request: (id = resource.id) => ({ path: `/api/v1/emergency-resources/${enc(id)}` }),
      };
    },
  },
  "PATCH /api/v1/emergency-resources/{id}": {
    shape: "item",
    success: 200,
    reaches: ownOnly,
    prepare: async ({ fx, owner }) => {
      const resource = await matrixResource(fx.store, owner);
      return {
        id: resource.id,
        request: (id = resource.id) => ({
          path: `/api/v1/emergency-resources/${enc(id)}`,
          body: { quantity: 18, availability: "limited" },
          headers: { "if-match": '"1"' },
        }),
        stored: () => storedResource(fx.store, resource),
      };
    },
  },
  "DELETE /api/v1/emergency-resources/{id}": {
    shape: "item",
    success: 204,
    reaches: ownOnly,
    prepare: async ({ fx, owner }) => {
      const resource = await matrixResource(fx.store, owner);
      return {
        id: resource.id,
        request: (id = resource.id) => ({
          path: `/api/v1/emergency-resources/${enc(id)}`,
          headers: { "if-match": '"1"' },
        }),
        stored: () => storedResource(fx.store, resource),
      };
    },
  },
  "GET /api/v1/enterprises/{tenantId}/resource-survey": {
    shape: "item",
    success: 200,
    prepare: async ({ owner }) => ({
      id: owner.tenantId,
      request: (id = owner.tenantId) => ({
        path: `/api/v1/enterprises/${enc(id)}/resource-survey`,
      }),
    }),
  },
  "GET /api/v1/enterprises/{tenantId}/resource-survey.csv": {
    shape: "item",
    success: 200,
    prepare: async ({ owner }) => ({
      id: owner.tenantId,
      request: (id = owner.tenantId) => ({
        path: `/api/v1/enterprises/${enc(id)}/resource-survey.csv`,
      }),
    }),
  },
  "GET /api/v1/risk-sources/{id}/nearest-resources": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: `/api/v1/risk-sources/${enc(id)}/nearest-resources?limit=5`,
        }),
      };
    },
  },
  "POST /api/v1/emergency-plans": {
    shape: "item",
    success: 201,
    prepare: async ({ fx, owner }) => {
      const source = await fx.source(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: "/api/v1/emergency-plans",
          body: {
            riskSourceId: id,
            title: "专项应急预案",
            issuedOn: "2026-06-01",
            scenarios: ["火灾"],
            keyMeasures: "报警，疏散，处置",
            commander: { name: "王站长", phone: "13800138000" },
          },
        }),
        stored: async () =>
          (
            await fx.store.entities.emergencyPlan
              .get({ tenantId: source.tenantId, riskSourceId: source.id })
              .go()
          ).data,
      };
    },
  },
  "GET /api/v1/emergency-plans": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({ path: `/api/v1/emergency-plans?riskSourceId=${enc(id)}` }),
      };
    },
  },
  "GET /api/v1/emergency-plans/{id}": {
    shape: "item",
    success: 200,
    prepare: async (ctx) => {
      const plan = await sharedPlan(ctx);
      return {
        id: plan.id,
        request: (id = plan.id) => ({ path: `/api/v1/emergency-plans/${enc(id)}` }),
      };
    },
  },
  "PATCH /api/v1/emergency-plans/{id}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const plan = await matrixPlan(fx.store, await fx.source(owner));
      return {
        id: plan.id,
        request: (id = plan.id) => ({
          path: `/api/v1/emergency-plans/${enc(id)}`,
          body: { filingNumber: "朝应急备 2026-001" },
          headers: { "if-match": '"1"' },
        }),
        stored: () => storedPlan(fx.store, plan),
      };
    },
  },
  "POST /api/v1/emergency-plans/{id}/document": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const plan = await matrixPlan(fx.store, await fx.source(owner));
      return {
        id: plan.id,
        request: (id = plan.id) => ({
          path: `/api/v1/emergency-plans/${enc(id)}/document`,
          body: { fileName: "预案.pdf", contentType: "application/pdf", size: 2048 },
        }),
        stored: () => storedPlan(fx.store, plan),
      };
    },
  },
  "GET /api/v1/emergency-plans/{id}/document": {
    shape: "item",
    success: 200,
    prepare: async (ctx) => {
      const plan = await sharedPlan(ctx);
      return {
        id: plan.id,
        request: (id = plan.id) => ({ path: `/api/v1/emergency-plans/${enc(id)}/document` }),
      };
    },
  },
  // Serial: cells share the owner's source, whose drill count a refused cell must not change.
  "POST /api/v1/drills": {
    shape: "item",
    success: 201,
    serial: true,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: "/api/v1/drills",
          body: {
            riskSourceId: id,
            heldOn: "2026-10-20",
            scenario: "卸油时油气泄漏",
            kind: "functional",
            participants: { count: 12 },
          },
        }),
        stored: () => drillCount(fx.store, source),
      };
    },
  },
  "GET /api/v1/drills": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({ path: `/api/v1/drills?riskSourceId=${enc(id)}` }),
      };
    },
  },
};
