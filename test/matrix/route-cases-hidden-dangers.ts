import {
  type FixtureStatus,
  planFor,
  putHiddenDanger,
  storedDanger,
} from "../support/hidden-danger-fixtures.ts";
import { type CaseContext, enc, type RouteCase } from "./route-case.ts";

/** Matrix cases of hidden dangers (issue 14 item 1): fresh dangers for every changing case. */

/** How many dangers were reported on one source (a fresh one per case: cells run at once). */
async function dangerCount(ctx: CaseContext, tenantId: string, riskSourceId: string) {
  const { data } = await ctx.fx.store.entities.hiddenDanger.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.filter((d) => d.record.riskSourceId === riskSourceId).length;
}

/** A change of a fresh danger of the owner at `from`, sent at the version it was written. */
function changeCase(
  path: string,
  from: FixtureStatus,
  body: (now: Date) => unknown = () => ({ note: "矩阵测试" }),
): RouteCase {
  return {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const danger = await putHiddenDanger(fx.store, fx.shared(owner).source, from);
      return {
        id: danger.id,
        request: (id = danger.id) => ({
          path: `/api/v1/hidden-dangers/${enc(id)}${path}`,
          body: body(new Date()),
          headers: { "if-match": `"${danger.version}"` },
        }),
        stored: () => storedDanger(fx.store, danger),
      };
    },
  };
}

export const hiddenDangerCases: Readonly<Record<string, RouteCase>> = {
  // A general danger on a fresh source: what a refused caller must leave unchanged is that
  // source's count, which no other cell touches.
  "POST /api/v1/hidden-dangers": {
    shape: "item",
    success: 201,
    prepare: async (ctx) => {
      const source = await ctx.fx.source(ctx.owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: "/api/v1/hidden-dangers",
          body: { riskSourceId: id, level: "general", title: "灭火器过期" },
        }),
        stored: () => dangerCount(ctx, ctx.owner.tenantId, source.id),
      };
    },
  },
  "GET /api/v1/hidden-dangers": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const danger = await putHiddenDanger(fx.store, fx.shared(owner).source);
      return { id: danger.id, request: () => ({ path: "/api/v1/hidden-dangers?limit=200" }) };
    },
  },
  "GET /api/v1/hidden-dangers/{id}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const danger = await putHiddenDanger(fx.store, fx.shared(owner).source);
      return {
        id: danger.id,
        request: (id = danger.id) => ({ path: `/api/v1/hidden-dangers/${enc(id)}` }),
      };
    },
  },
  "PUT /api/v1/hidden-dangers/{id}/plan": changeCase("/plan", "reported", planFor),
  "POST /api/v1/hidden-dangers/{id}/rectify": changeCase("/rectify", "planned"),
  "POST /api/v1/hidden-dangers/{id}/evaluate": changeCase("/evaluate", "rectified"),
  "POST /api/v1/hidden-dangers/{id}/accept": changeCase("/accept", "evaluated"),
  "POST /api/v1/hidden-dangers/{id}/reject": changeCase("/reject", "evaluated"),
  "POST /api/v1/hidden-dangers/{id}/close": changeCase("/close", "accepted"),
  "POST /api/v1/hidden-dangers/{id}/evidence": {
    shape: "item",
    success: 201,
    prepare: async ({ fx, owner }) => {
      const danger = await putHiddenDanger(fx.store, fx.shared(owner).source);
      return {
        id: danger.id,
        request: (id = danger.id) => ({
          path: `/api/v1/hidden-dangers/${enc(id)}/evidence`,
          body: { fileName: "现场.png", contentType: "image/png", size: 2048 },
        }),
        stored: () => storedDanger(fx.store, danger),
      };
    },
  },
  // Nothing was uploaded for the entry: the allowed caller within reach hears 409 (the content
  // checks themselves: test/integration/hidden-dangers/).
  "POST /api/v1/hidden-dangers/{id}/evidence/{evidenceId}/complete": {
    shape: "item",
    success: 409,
    prepare: async ({ fx, owner }) => {
      const danger = await putHiddenDanger(fx.store, fx.shared(owner).source, "reported", {
        evidence: [pendingPhoto()],
      });
      return {
        id: danger.id,
        request: (id = danger.id) => ({
          path: `/api/v1/hidden-dangers/${enc(id)}/evidence/E1/complete`,
        }),
        stored: () => storedDanger(fx.store, danger),
      };
    },
  },
  "GET /api/v1/hidden-dangers/{id}/evidence/{evidenceId}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const danger = await putHiddenDanger(fx.store, fx.shared(owner).source, "reported", {
        evidence: [{ ...pendingPhoto(), status: "verified" }],
      });
      return {
        id: danger.id,
        request: (id = danger.id) => ({ path: `/api/v1/hidden-dangers/${enc(id)}/evidence/E1` }),
      };
    },
  },
  // Counts of the caller's own reach: nothing of another owner to point at.
  "GET /api/v1/hidden-danger-stats": {
    shape: "open",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/hidden-danger-stats?period=2026" }) }),
  },
};

function pendingPhoto() {
  return {
    id: "E1",
    fileName: "现场.png",
    contentType: "image/png",
    size: 2048,
    status: "pending" as const,
    uploadedBy: "u-fixture",
    createdAt: new Date().toISOString(),
  };
}
