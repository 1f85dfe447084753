import * as z from "zod";
import {
  DrillCreateInputSchema,
  DrillSchema,
  EmergencyPlanViewSchema,
  PLAN_DOCUMENT_MAX_BYTES,
  PLAN_DOCUMENT_TYPES,
  PlanCreateInputSchema,
  PlanUpdateInputSchema,
} from "../readiness/plan.ts";
import { pageOf } from "../risk/list-query.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, problem } from "./route.ts";

/** The enterprise keeps its plans and drills (people and its own systems). */
const KEEPERS = [...ENTERPRISE_ROLES, "integrator"] as const;
/** Shared with the territorial governments (street, district) and the industry department. */
const READERS = [...KEEPERS, ...OFFICIAL_ROLES] as const;

const tags = ["emergency-plans"] as const;
const Id = z.string().min(1).max(200);
const IdParams = z.strictObject({ id: Id });
const BySource = z.strictObject({
  riskSourceId: Id,
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DocumentUploadInputSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.enum(PLAN_DOCUMENT_TYPES),
  size: z.number().int().min(1).max(PLAN_DOCUMENT_MAX_BYTES),
});
export const DocumentLinkSchema = z.object({
  url: z.url(),
  method: z.enum(["GET", "PUT"]),
  /** Headers the browser must send with the upload (the signed content type). */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
});

const sourceMissing = problem("No such source within reach");

/** One-to-one emergency plans (一源一案) and drills (应急演练) of risk sources, domain.md §5. */
export const emergencyPlansContract = {
  createPlan: {
    method: "POST",
    path: api("/emergency-plans"),
    access: { roles: KEEPERS },
    summary:
      "Make a source's one-to-one emergency plan (key fields; the document follows by upload)",
    tags,
    request: { body: PlanCreateInputSchema },
    responses: {
      201: { description: "The plan", schema: EmergencyPlanViewSchema },
      404: sourceMissing,
      409: problem("The source already has its plan"),
    },
  },
  listPlans: {
    method: "GET",
    path: api("/emergency-plans"),
    access: { roles: READERS },
    summary: "The plan of a source (none or one), for its enterprise and its supervisors",
    tags,
    request: { query: BySource },
    responses: {
      200: { description: "A page", schema: pageOf(EmergencyPlanViewSchema) },
      404: sourceMissing,
    },
  },
  getPlan: {
    method: "GET",
    path: api("/emergency-plans/{id}"),
    access: { roles: READERS },
    summary: "One plan",
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "The plan", schema: EmergencyPlanViewSchema },
      404: problem("No such plan within reach"),
    },
  },
  updatePlan: {
    method: "PATCH",
    path: api("/emergency-plans/{id}"),
    access: { roles: KEEPERS },
    summary: "Revise a plan's key fields",
    tags,
    request: { params: IdParams, body: PlanUpdateInputSchema, headers: ["If-Match"] },
    responses: {
      200: { description: "The plan", schema: EmergencyPlanViewSchema },
      404: problem("No such plan within reach"),
      412: problem("Changed since read"),
    },
  },
  uploadPlanDocument: {
    method: "POST",
    path: api("/emergency-plans/{id}/document"),
    access: { roles: KEEPERS },
    summary: "A presigned upload of the plan's document (PDF or Word, at most 20 MB)",
    tags,
    request: { params: IdParams, body: DocumentUploadInputSchema },
    responses: {
      200: { description: "Where to PUT the file, and until when", schema: DocumentLinkSchema },
      404: problem("No such plan within reach"),
    },
  },
  getPlanDocument: {
    method: "GET",
    path: api("/emergency-plans/{id}/document"),
    access: { roles: READERS },
    summary: "A presigned link to the plan's document",
    tags,
    request: { params: IdParams },
    responses: {
      200: { description: "Where to GET the file", schema: DocumentLinkSchema },
      404: problem("No such plan, or no document yet"),
    },
  },
  createDrill: {
    method: "POST",
    path: api("/drills"),
    access: { roles: KEEPERS },
    summary: "Record a drill of a source: date, participants, scenario, findings, follow-ups",
    tags,
    request: { body: DrillCreateInputSchema, headers: ["Idempotency-Key"] },
    responses: { 201: { description: "The drill", schema: DrillSchema }, 404: sourceMissing },
  },
  listDrills: {
    method: "GET",
    path: api("/drills"),
    access: { roles: READERS },
    summary: "A source's drills, latest first",
    tags,
    request: { query: BySource },
    responses: { 200: { description: "A page", schema: pageOf(DrillSchema) }, 404: sourceMissing },
  },
} as const satisfies Contract;
