import * as z from "zod";
import { IdentificationListSchema } from "../catalogs/identification-lists/list-schema.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { GradeSchema } from "../methodology/grade-schema.ts";
import { GradingPreviewRequestSchema } from "../methodology/grading-request.ts";
import { MethodProfileSchema } from "../methodology/profiles/profile-schema.ts";
import {
  AssessmentCreateInputSchema,
  AssessmentReviewInputSchema,
  AssessmentSchema,
} from "../risk/assessment.ts";
import { EnterpriseUpdateInputSchema, EnterpriseViewSchema } from "../risk/enterprise.ts";
import {
  EnterpriseListQuerySchema,
  pageOf,
  RiskSourceListQuerySchema,
} from "../risk/list-query.ts";
import { MapPointsQuerySchema, MapPointsSchema } from "../risk/map-points.ts";
import {
  BatchReviewInputSchema,
  BatchReviewResultSchema,
  ReviewQueuePageSchema,
  ReviewQueueQuerySchema,
} from "../risk/review-queue.ts";
import {
  RiskSourceCreateInputSchema,
  RiskSourceUpdateInputSchema,
  RiskSourceViewSchema,
} from "../risk/risk-source.ts";
import { ROLES } from "../tenancy/roles.ts";
import { api, type Contract, problem } from "./route.ts";

/** Who may do what in the registry; the scope (tenant, jurisdiction, delegation) narrows it. */
export const ENTERPRISE_ROLES = ["enterpriseAdmin", "enterpriseStaff"] as const;
export const OFFICIAL_ROLES = [
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
] as const;
const READERS = [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES, "assessor", "integrator"] as const;
const ASSESSORS = [...ENTERPRISE_ROLES, "assessor", "integrator"] as const;
/**
 * Who keeps an enterprise's sources: its users, and its own systems as integrators with the
 * `write` scope (a government platform's jurisdiction scope reaches no source to change: 404).
 */
const KEEPERS = [...ENTERPRISE_ROLES, "integrator"] as const;

const IdParams = z.strictObject({ id: z.string().min(1).max(200) });
const TenantParams = z.strictObject({ tenantId: z.string().min(1).max(100) });
const IndustryParams = z.strictObject({ industry: IndustryIdSchema });

export const AssessmentCreatedSchema = z.object({
  id: z.string(),
  grade: GradeSchema,
  riskSource: RiskSourceViewSchema,
});

const tags = ["registry"] as const;

export const IndustryProfilesSchema = z.object({
  industry: IndustryIdSchema,
  profileIds: z.array(z.string()),
});

/** Risk registry and grading: enterprises, risk sources, assessments, review. */
export const registryContract = {
  gradingPreview: {
    method: "POST",
    path: api("/grading/preview"),
    access: { roles: ROLES },
    summary: "Grade inputs under a method profile without saving (评估预览)",
    readOnly: true,
    tags: ["grading"],
    request: { body: GradingPreviewRequestSchema },
    responses: {
      200: { description: "The grade with its explanation", schema: GradeSchema },
      400: problem("Inputs outside the profile's tables, listed per field"),
    },
  },
  methodProfiles: {
    method: "GET",
    path: api("/method-profiles"),
    access: { roles: ROLES },
    summary: "Method profiles with their value tables and Chinese descriptions (评估方法)",
    tags: ["grading"],
    request: { query: z.strictObject({ industry: IndustryIdSchema.optional() }) },
    responses: {
      200: {
        description: "Latest version of each profile",
        schema: z.object({ items: z.array(MethodProfileSchema) }),
      },
    },
  },
  publishProfile: {
    method: "POST",
    path: api("/method-profiles"),
    access: { roles: ["cityAdmin"] },
    summary: "Publish the next version of a method profile (published versions are immutable)",
    tags: ["grading"],
    request: { body: MethodProfileSchema },
    responses: {
      201: { description: "Published", schema: MethodProfileSchema },
      400: problem("Invalid profile or version"),
      409: problem("Version already published"),
    },
  },
  retireProfile: {
    method: "POST",
    path: api("/method-profiles/{profileId}/versions/{version}/retire"),
    access: { roles: ["cityAdmin"] },
    summary:
      "Retire a published version: it grades nothing new, and its sources are re-evaluated under the current version",
    tags: ["grading"],
    request: {
      params: z.strictObject({
        profileId: z.string().min(1).max(64),
        version: z.coerce.number().int().positive(),
      }),
    },
    responses: {
      200: {
        description: "Retired; the re-evaluation pass is queued",
        schema: MethodProfileSchema,
      },
      404: problem("No such published version"),
      409: problem("Already retired, or the profile's only published version"),
    },
  },
  profileVersions: {
    method: "GET",
    path: api("/method-profiles/{profileId}/versions"),
    access: { roles: ROLES },
    summary: "Every version of a method profile, oldest first",
    tags: ["grading"],
    request: { params: z.strictObject({ profileId: z.string().min(1).max(64) }) },
    responses: {
      200: { description: "Versions", schema: z.object({ items: z.array(MethodProfileSchema) }) },
    },
  },
  restrictIndustryProfiles: {
    method: "PUT",
    path: api("/industries/{industry}/method-profiles"),
    access: { roles: ["industryOfficial", "cityAdmin"] },
    summary: "Restrict the method profiles an industry may use (empty list: all)",
    tags: ["grading"],
    request: {
      params: IndustryParams,
      body: z.strictObject({ profileIds: z.array(z.string().min(1).max(64)).max(20) }),
    },
    responses: { 200: { description: "Saved", schema: IndustryProfilesSchema } },
  },
  identificationLists: {
    method: "GET",
    path: api("/identification-lists/{industry}"),
    access: { roles: ROLES },
    summary: "Identification lists of an industry (风险源辨识建议清单)",
    tags,
    request: { params: IndustryParams },
    responses: {
      200: {
        description: "Lists that apply to the industry",
        schema: z.object({ items: z.array(IdentificationListSchema) }),
      },
    },
  },
  ownEnterprise: {
    method: "GET",
    path: api("/enterprise"),
    access: { roles: ENTERPRISE_ROLES },
    summary: "The caller's own enterprise profile (ETag)",
    tags,
    responses: { 200: { description: "Enterprise", schema: EnterpriseViewSchema } },
  },
  updateOwnEnterprise: {
    method: "PATCH",
    path: api("/enterprise"),
    access: { roles: ["enterpriseAdmin"] },
    summary: "Change the caller's enterprise profile (If-Match required)",
    tags,
    request: { body: EnterpriseUpdateInputSchema, headers: ["If-Match"] },
    responses: {
      200: { description: "Updated enterprise", schema: EnterpriseViewSchema },
      412: problem("The enterprise changed since it was read"),
      428: problem("If-Match missing"),
    },
  },
  listEnterprises: {
    method: "GET",
    path: api("/enterprises"),
    access: { roles: [...OFFICIAL_ROLES, "integrator"] },
    summary: "Enterprises in the caller's jurisdiction",
    tags,
    request: { query: EnterpriseListQuerySchema },
    responses: { 200: { description: "A page", schema: pageOf(EnterpriseViewSchema) } },
  },
  getEnterprise: {
    method: "GET",
    path: api("/enterprises/{tenantId}"),
    access: { roles: READERS },
    summary: "One enterprise in reach (audited for officials)",
    tags,
    request: { params: TenantParams },
    responses: {
      200: { description: "Enterprise", schema: EnterpriseViewSchema },
      404: problem("No such enterprise within reach"),
    },
  },
  listRiskSources: {
    method: "GET",
    path: api("/risk-sources"),
    access: { roles: READERS },
    summary:
      "Risk sources in reach: own, delegated or in the jurisdiction; an official's first page of a review-due listing (`reviewDueBefore`) carries the total",
    tags,
    request: { query: RiskSourceListQuerySchema },
    responses: {
      200: {
        description: "A page",
        schema: pageOf(RiskSourceViewSchema).extend({
          total: z.number().int().nonnegative().optional(),
        }),
      },
    },
  },
  mapPoints: {
    method: "GET",
    path: api("/map-points"),
    access: { roles: READERS },
    summary:
      "The risk e-map's points of one district within reach (id, name, level, WGS-84 coordinates), most severe first, at most `limit`; one answer, no pages",
    tags,
    request: { query: MapPointsQuerySchema },
    responses: { 200: { description: "Points", schema: MapPointsSchema } },
  },
  createRiskSource: {
    method: "POST",
    path: api("/risk-sources"),
    access: { roles: KEEPERS },
    summary: "Register a risk source (Idempotency-Key honoured)",
    tags,
    request: { body: RiskSourceCreateInputSchema, headers: ["Idempotency-Key"] },
    responses: {
      201: { description: "Registered", schema: RiskSourceViewSchema },
      400: problem("Invalid fields, listed"),
    },
  },
  getRiskSource: {
    method: "GET",
    path: api("/risk-sources/{id}"),
    access: { roles: READERS },
    summary: "One risk source (ETag)",
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "Risk source", schema: RiskSourceViewSchema },
      404: problem("No such source within reach"),
    },
  },
  updateRiskSource: {
    method: "PATCH",
    path: api("/risk-sources/{id}"),
    access: { roles: KEEPERS },
    summary: "Change a risk source's description (If-Match required)",
    tags,
    request: { params: IdParams, body: RiskSourceUpdateInputSchema, headers: ["If-Match"] },
    responses: {
      200: { description: "Updated", schema: RiskSourceViewSchema },
      412: problem("Changed since read"),
      428: problem("If-Match missing"),
    },
  },
  deleteRiskSource: {
    method: "DELETE",
    path: api("/risk-sources/{id}"),
    access: { roles: ["enterpriseAdmin"] },
    summary:
      "Remove a risk source (its assessments and audit trail stay, its live warnings are cleared; If-Match required)",
    tags,
    request: { params: IdParams, headers: ["If-Match"] },
    responses: {
      204: { description: "Removed" },
      412: problem("Changed since read"),
      428: problem("If-Match missing"),
    },
  },
  createAssessment: {
    method: "POST",
    path: api("/risk-sources/{id}/assessments"),
    access: { roles: ASSESSORS },
    summary: "Assess a risk source; grades it and sets its level and next review date",
    tags,
    request: { params: IdParams, body: AssessmentCreateInputSchema, headers: ["Idempotency-Key"] },
    responses: {
      201: {
        description:
          "Graded and submitted for review; an earlier assessment still awaiting review is superseded. The source takes this grade and next review date, and keeps its inherent level when this assessment grades the current risk alone",
        schema: AssessmentCreatedSchema,
      },
      400: problem("Inputs outside the profile's tables"),
    },
  },
  listAssessments: {
    method: "GET",
    path: api("/risk-sources/{id}/assessments"),
    access: { roles: READERS },
    summary: "Assessment history of a source, newest first",
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "History", schema: z.object({ items: z.array(AssessmentSchema) }) },
    },
  },
  reviewQueue: {
    method: "GET",
    path: api("/reviews"),
    access: { roles: OFFICIAL_ROLES },
    summary:
      "Submitted assessments awaiting review in the caller's jurisdiction, newest first: filters by place, level and overdue, search by source or enterprise name; the first page carries the total",
    tags,
    request: { query: ReviewQueueQuerySchema },
    responses: { 200: { description: "A page", schema: ReviewQueuePageSchema } },
  },
  reviewBatch: {
    method: "POST",
    path: api("/reviews/batch"),
    access: { roles: OFFICIAL_ROLES },
    summary:
      "Accept or return several assessments (批量审核): each item names the version it was read at and is reviewed on its own, answering its own status (200, 404, 409, 412)",
    tags,
    request: { body: BatchReviewInputSchema },
    responses: { 200: { description: "One result per item", schema: BatchReviewResultSchema } },
  },
  reviewAssessment: {
    method: "POST",
    path: api("/assessments/{id}/review"),
    access: { roles: OFFICIAL_ROLES },
    summary: "Accept or return (with comments) a submitted assessment (If-Match required)",
    tags,
    request: { params: IdParams, body: AssessmentReviewInputSchema, headers: ["If-Match"] },
    responses: {
      200: {
        description:
          "Reviewed. Accepting keeps the source's grade; returning restores the grade, next review date and last assessment of the latest earlier assessment still submitted or accepted, or leaves the source ungraded",
        schema: AssessmentSchema,
      },
      409: problem("Not awaiting review"),
      412: problem("Changed since read"),
    },
  },
} as const satisfies Contract;
