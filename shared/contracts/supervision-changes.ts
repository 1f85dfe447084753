import * as z from "zod";
import { pageOf } from "../risk/list-query.ts";
import {
  SupervisionChangeInputSchema,
  SupervisionChangeSchema,
  SupervisionDecisionInputSchema,
} from "../risk/supervision-change.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, problem } from "./route.ts";

const tags = ["registry"] as const;

/** Supervision moved between jurisdictions by the governments concerned (监管调整). */
export const supervisionChangeContract = {
  requestSupervisionChange: {
    method: "POST",
    path: api("/supervision-changes"),
    access: { roles: ["enterpriseAdmin"] },
    summary:
      "Ask for new district, street or industry supervision of the enterprise or one of its sources (Idempotency-Key honoured); nothing moves until the official over the requested place approves",
    tags,
    request: { body: SupervisionChangeInputSchema, headers: ["Idempotency-Key"] },
    responses: {
      201: { description: "Requested, pending", schema: SupervisionChangeSchema },
      400: problem("Invalid fields, or the requested supervision equals the current one"),
      404: problem("No such source of the enterprise"),
      409: problem("A request for this target is already pending"),
    },
  },
  listSupervisionChanges: {
    method: "GET",
    path: api("/supervision-changes"),
    access: { roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES] },
    summary:
      "Supervision change requests: an enterprise's own, newest first; for officials the pending ones whose requested place their jurisdiction covers",
    tags,
    request: {
      query: z.strictObject({
        cursor: z.string().max(4000).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: { 200: { description: "A page", schema: pageOf(SupervisionChangeSchema) } },
  },
  decideSupervisionChange: {
    method: "POST",
    path: api("/supervision-changes/{id}/decision"),
    access: { roles: OFFICIAL_ROLES },
    summary:
      "Approve (moves the target, an enterprise with the sources at its old place) or reject (comment required) a pending request; only an official over the requested place (If-Match required)",
    tags,
    request: {
      params: z.strictObject({ id: z.string().min(1).max(200) }),
      body: SupervisionDecisionInputSchema,
      headers: ["If-Match"],
    },
    responses: {
      200: { description: "Decided", schema: SupervisionChangeSchema },
      404: problem("No such request within reach"),
      409: problem(
        "Already decided, no longer applicable, changed meanwhile, or over the 100 items of one transaction",
      ),
      412: problem("Changed since read"),
      428: problem("If-Match missing"),
    },
  },
} as const satisfies Contract;
