import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import type { CapabilityAssessment } from "../../shared/readiness/capability.ts";
import { scoreCapability } from "../../shared/readiness/capability.ts";
import { CAPABILITY_CHECKLISTS } from "../../shared/readiness/capability-checklists.ts";
import type { Owner } from "../support/matrix-owners.ts";
import type { CaseContext, RouteCase } from "./route-case.ts";
import { enc, oncePerOwner, ownerOf } from "./route-case.ts";

/** Matrix cases of capability assessments (issue 14 item 3). */

const checklist = CAPABILITY_CHECKLISTS.at(-1) ?? missing();
function missing(): never {
  throw new Error("no capability checklist");
}
const answers = Object.fromEntries(
  checklist.dimensions.flatMap((d) => d.items.map((i) => [i.id, "partial" as const])),
);

/** One stored assessment per owner, made once and read by many cells. */
const sharedAssessment = oncePerOwner((ctx) => storeAssessment(ctx.fx.store, ctx.owner));

async function storeAssessment(store: Store, owner: Owner): Promise<CapabilityAssessment> {
  const assessment: CapabilityAssessment = {
    id: `${owner.tenantId}~2026-11-01~01MATRIXCAPABILITY0000000001`,
    tenantId: owner.tenantId,
    enterpriseName: owner.key,
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    assessedOn: "2026-11-01",
    assessor: "矩阵测试",
    notes: "",
    answers,
    ...scoreCapability(checklist, answers),
    createdAt: "2026-11-01T00:00:00.000Z",
  };
  await store.entities.capabilityAssessment
    .put({
      tenantId: owner.tenantId,
      assessedOn: assessment.assessedOn,
      id: assessment.id,
      record: assessment,
    })
    .go();
  return assessment;
}

async function ownAssessmentCount(ctx: CaseContext): Promise<number | undefined> {
  const tenantId = ctx.principal?.tenantId;
  if (tenantId === undefined) return undefined;
  const { data } = await ctx.fx.store.entities.capabilityAssessment.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data.length;
}

export const capabilityCases: Readonly<Record<string, RouteCase>> = {
  "GET /api/v1/capability-checklists": {
    shape: "open",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/capability-checklists" }) }),
  },
  // Serial: the stored count is the caller's tenant's, which its other cells write to.
  "POST /api/v1/capability-assessments": {
    shape: "self",
    success: 201,
    serial: true,
    prepare: async (ctx) => ({
      request: () => ({
        path: "/api/v1/capability-assessments",
        body: {
          checklistId: checklist.id,
          checklistVersion: checklist.version,
          assessedOn: "2026-11-20",
          assessor: (ownerOf(ctx.principal) ?? ctx.owner).key,
          answers,
        },
      }),
      stored: () => ownAssessmentCount(ctx),
    }),
  },
  "GET /api/v1/capability-assessments": {
    shape: "item",
    success: 200,
    prepare: async (ctx) => {
      await sharedAssessment(ctx);
      return {
        id: ctx.owner.tenantId,
        request: (id = ctx.owner.tenantId) => ({
          path: `/api/v1/capability-assessments?tenantId=${enc(id)}`,
        }),
      };
    },
  },
  "GET /api/v1/capability-assessments/{id}": {
    shape: "item",
    success: 200,
    prepare: async (ctx) => {
      const assessment = await sharedAssessment(ctx);
      return {
        id: assessment.id,
        request: (id = assessment.id) => ({
          path: `/api/v1/capability-assessments/${enc(id)}`,
        }),
      };
    },
  },
};
