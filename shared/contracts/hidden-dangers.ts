import * as z from "zod";
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from "../hidden-dangers/evidence.ts";
import {
  EvidenceSchema,
  HiddenDangerListQuerySchema,
  HiddenDangerReportInputSchema,
  HiddenDangerSchema,
  HiddenDangerStepInputSchema,
  RectificationPlanSchema,
} from "../hidden-dangers/hidden-danger.ts";
import { HiddenDangerStatsSchema, StatsPeriodSchema } from "../hidden-dangers/statistics.ts";
import { pageOf } from "../risk/list-query.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, type HttpRoute, problem } from "./route.ts";

/** Who sees hidden dangers: the enterprise and its systems (its own), officials (their jurisdiction's). */
const WATCHERS = [...ENTERPRISE_ROLES, "integrator", ...OFFICIAL_ROLES] as const;
/** Who reports them: the enterprise's people and officials (public reports: not yet). */
const REPORTERS = [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES] as const;
/** Who rectifies: the enterprise (五到位 is its duty). */
const RECTIFIERS = ENTERPRISE_ROLES;
/** Who accepts and closes: officials; the enterprise's admin for general dangers only. */
const ACCEPTORS = ["enterpriseAdmin", ...OFFICIAL_ROLES] as const;

const tags = ["hidden-dangers"] as const;
const Params = z.strictObject({ id: z.string().min(1).max(200) });
const EvidenceParams = Params.extend({ evidenceId: z.string().min(1).max(100) });

const report = {
  method: "POST",
  path: api("/hidden-dangers"),
  access: { roles: REPORTERS },
  summary: "Report a hidden danger on a source (隐患上报); a major one turns the source major",
  tags,
  request: { body: HiddenDangerReportInputSchema, headers: ["Idempotency-Key"] },
  responses: {
    201: { description: "The hidden danger", schema: HiddenDangerSchema },
    404: problem("No such source within reach"),
  },
} as const satisfies HttpRoute;

const list = {
  method: "GET",
  path: api("/hidden-dangers"),
  access: { roles: WATCHERS },
  summary: "Hidden dangers within reach, newest first; `supervised=true` lists 挂牌督办",
  tags,
  request: { query: HiddenDangerListQuerySchema },
  responses: { 200: { description: "Hidden dangers", schema: pageOf(HiddenDangerSchema) } },
} as const satisfies HttpRoute;

const get = {
  method: "GET",
  path: api("/hidden-dangers/{id}"),
  access: { roles: WATCHERS },
  summary: "A hidden danger with its plan, evidence and lifecycle steps",
  tags,
  request: { params: Params },
  responses: {
    200: { description: "The hidden danger", schema: HiddenDangerSchema },
    404: problem("No such hidden danger within reach"),
  },
} as const satisfies HttpRoute;

const plan = {
  method: "PUT",
  path: api("/hidden-dangers/{id}/plan"),
  access: { roles: RECTIFIERS },
  summary: "Make or revise the rectification plan (整改方案“五到位”)",
  tags,
  request: { params: Params, body: RectificationPlanSchema, headers: ["If-Match"] },
  responses: {
    200: { description: "The hidden danger, planned", schema: HiddenDangerSchema },
    404: problem("No such hidden danger within reach"),
    409: problem("Already rectified"),
    412: problem("Changed since read"),
  },
} as const satisfies HttpRoute;

function stepRoute<const S extends string>(
  step: S,
  roles: readonly (typeof ACCEPTORS)[number][] | typeof RECTIFIERS,
  summary: string,
) {
  return {
    method: "POST",
    path: api(`/hidden-dangers/{id}/${step}`),
    access: { roles },
    summary,
    tags,
    request: { params: Params, body: HiddenDangerStepInputSchema, headers: ["If-Match"] },
    responses: {
      200: { description: "The hidden danger after the step", schema: HiddenDangerSchema },
      403: problem("Not this caller's step (a major danger is accepted by officials)"),
      404: problem("No such hidden danger within reach"),
      409: problem("The step does not follow from the danger's status"),
      412: problem("Changed since read"),
    },
  } as const satisfies HttpRoute;
}

const EvidenceStartSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.enum(EVIDENCE_TYPES),
  size: z.number().int().min(1).max(EVIDENCE_MAX_BYTES),
});

export const EvidenceUploadSchema = z.object({
  evidence: EvidenceSchema,
  uploadUrl: z.url(),
  method: z.literal("PUT"),
  /** Headers the upload must carry exactly (the content type is signed). */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
});

const startEvidence = {
  method: "POST",
  path: api("/hidden-dangers/{id}/evidence"),
  access: { roles: RECTIFIERS },
  summary: "Start an evidence photo upload (presigned PUT; images only, ≤ 10 MB)",
  tags,
  request: { params: Params, body: EvidenceStartSchema },
  responses: {
    201: { description: "The upload link", schema: EvidenceUploadSchema },
    404: problem("No such hidden danger within reach"),
  },
} as const satisfies HttpRoute;

const completeEvidence = {
  method: "POST",
  path: api("/hidden-dangers/{id}/evidence/{evidenceId}/complete"),
  access: { roles: RECTIFIERS },
  summary: "Complete an upload: its size and content (magic bytes) are checked",
  tags,
  request: { params: EvidenceParams },
  responses: {
    200: { description: "The hidden danger with the photo verified", schema: HiddenDangerSchema },
    404: problem("No such photo within reach"),
    409: problem("Nothing uploaded yet"),
    413: problem("Larger than declared or allowed (deleted)"),
    415: problem("Not the declared image type by content (deleted)"),
  },
} as const satisfies HttpRoute;

const EvidenceLinkSchema = z.object({ url: z.url(), expiresAt: z.iso.datetime() });

const evidenceLink = {
  method: "GET",
  path: api("/hidden-dangers/{id}/evidence/{evidenceId}"),
  access: { roles: WATCHERS },
  summary: "A link to view a verified evidence photo",
  tags,
  request: { params: EvidenceParams },
  responses: {
    200: { description: "A presigned link", schema: EvidenceLinkSchema },
    404: problem("No such photo within reach"),
  },
} as const satisfies HttpRoute;

const stats = {
  method: "GET",
  path: api("/hidden-danger-stats"),
  access: { roles: WATCHERS },
  summary: "Quarterly or yearly hidden-danger statistics within reach, with the reporting deadline",
  tags,
  request: { query: z.strictObject({ period: StatsPeriodSchema }) },
  responses: { 200: { description: "Counts", schema: HiddenDangerStatsSchema } },
} as const satisfies HttpRoute;

/** Hidden dangers with rectification (隐患排查治理, domain.md §7). */
export const hiddenDangersContract = {
  report,
  list,
  get,
  plan,
  rectify: stepRoute("rectify", RECTIFIERS, "Mark the danger rectified (整改完成)"),
  evaluate: stepRoute(
    "evaluate",
    RECTIFIERS,
    "Record the effect evaluation (`note`) and request acceptance, due within 10 days",
  ),
  accept: stepRoute("accept", ACCEPTORS, "Accept the rectification (验收)"),
  reject: stepRoute("reject", ACCEPTORS, "Refuse acceptance: back to rectification"),
  close: stepRoute("close", ACCEPTORS, "Close the accepted danger (销号); restores the grade"),
  startEvidence,
  completeEvidence,
  evidenceLink,
  stats,
} as const satisfies Contract;
