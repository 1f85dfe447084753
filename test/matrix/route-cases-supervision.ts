import type { CaseContext, RouteCase } from "./route-case.ts";
import { enc, ownerOf } from "./route-case.ts";

/** Matrix cases of supervision change requests (issue 10). */

/** How many supervision change requests the caller's own tenant holds. */
async function ownRequestCount(ctx: CaseContext): Promise<number | undefined> {
  const tenantId = ctx.principal?.tenantId;
  if (tenantId === undefined) return undefined;
  const { data } = await ctx.fx.store.entities.supervisionChange.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.length;
}

export const supervisionCases: Readonly<Record<string, RouteCase>> = {
  // The enterprise asks for its own move; refused callers must have written nothing. Serial:
  // the refused staff and system of a tenant count its requests while its admin files one.
  "POST /api/v1/supervision-changes": {
    shape: "self",
    success: 201,
    serial: true,
    prepare: async (ctx) => {
      const own = ownerOf(ctx.principal) ?? ctx.owner;
      return {
        request: () => ({
          path: "/api/v1/supervision-changes",
          body: {
            target: { type: "enterprise" },
            to: { ...own.place, street: "矩阵测试街道" },
            reason: "经营场所迁移",
          },
        }),
        stored: () => ownRequestCount(ctx),
      };
    },
  },
  // The owner's users see their requests; officials the pending ones they would receive.
  "GET /api/v1/supervision-changes": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { change } = await fx.supervisionChange(owner);
      return { id: change.id, request: () => ({ path: "/api/v1/supervision-changes?limit=200" }) };
    },
  },
  // Only the official over the requested place (the owner's, here) decides; approval moves.
  "POST /api/v1/supervision-changes/{id}/decision": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { change, source } = await fx.supervisionChange(owner);
      return {
        id: change.id,
        request: (id = change.id) => ({
          path: `/api/v1/supervision-changes/${enc(id)}/decision`,
          body: { decision: "approve", comment: "同意" },
          headers: { "if-match": '"1"' },
        }),
        stored: async () => [
          await fx.storedSupervisionChange(change),
          await fx.storedSource(owner, source.id),
        ],
      };
    },
  },
};
