import * as z from "zod";
import {
  CapabilityAssessmentInputSchema,
  CapabilityAssessmentSchema,
  CapabilityChecklistSchema,
} from "../readiness/capability.ts";
import { pageOf } from "../risk/list-query.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, problem } from "./route.ts";

/** The enterprise assesses itself (its people and its own systems). */
const KEEPERS = [...ENTERPRISE_ROLES, "integrator"] as const;
/** Its supervisors read the results within their jurisdiction. */
const READERS = [...KEEPERS, ...OFFICIAL_ROLES] as const;

const tags = ["capability-assessments"] as const;

/** Emergency-capability assessments (应急能力评估, domain.md §8) and their versioned checklist. */
export const capabilityAssessmentsContract = {
  listChecklists: {
    method: "GET",
    path: api("/capability-checklists"),
    access: { roles: READERS },
    summary: "Every published version of the capability checklist, oldest first",
    tags,
    responses: {
      200: {
        description: "The versions",
        schema: z.object({ items: z.array(CapabilityChecklistSchema) }),
      },
    },
  },
  createAssessment: {
    method: "POST",
    path: api("/capability-assessments"),
    access: { roles: KEEPERS },
    summary:
      "Record the enterprise's assessment: every item of a checklist version answered; scored per dimension, weakest first",
    tags,
    request: { body: CapabilityAssessmentInputSchema, headers: ["Idempotency-Key"] },
    responses: {
      201: { description: "The scored assessment", schema: CapabilityAssessmentSchema },
      400: problem("An unknown checklist version, or answers that do not fit it"),
    },
  },
  listAssessments: {
    method: "GET",
    path: api("/capability-assessments"),
    access: { roles: READERS },
    summary: "An enterprise's assessments, latest first (officials name the enterprise)",
    tags,
    request: {
      query: z.strictObject({
        tenantId: z.string().min(1).max(200).optional(),
        cursor: z.string().max(4000).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(20),
      }),
    },
    responses: {
      200: { description: "A page", schema: pageOf(CapabilityAssessmentSchema) },
      404: problem("No such enterprise within reach"),
    },
  },
  getAssessment: {
    method: "GET",
    path: api("/capability-assessments/{id}"),
    access: { roles: READERS },
    summary: "One assessment",
    tags,
    request: { params: z.strictObject({ id: z.string().min(1).max(300) }) },
    responses: {
      200: { description: "The assessment", schema: CapabilityAssessmentSchema },
      404: problem("No such assessment within reach"),
    },
  },
} as const satisfies Contract;
