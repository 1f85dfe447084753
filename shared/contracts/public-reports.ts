import * as z from "zod";
import {
  PublicReportAcceptSchema,
  PublicReportInputSchema,
  PublicReportListQuerySchema,
  PublicReportReceiptSchema,
  PublicReportRejectSchema,
  PublicReportSchema,
} from "../hidden-dangers/public-report.ts";
import { pageOf } from "../risk/list-query.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, type HttpRoute, problem } from "./route.ts";

const tags = ["hidden-dangers"] as const;
const Params = z.strictObject({ id: z.string().min(1).max(200) });

function moderation<const S extends string, B extends z.ZodType>(
  step: S,
  body: B,
  summary: string,
) {
  return {
    method: "POST",
    path: api(`/public-danger-reports/{id}/${step}`),
    // Officials of the source's jurisdiction moderate; the enterprise only sees the queue.
    access: { roles: OFFICIAL_ROLES },
    summary,
    tags,
    request: { params: Params, body, headers: ["If-Match"] },
    responses: {
      200: { description: "The report, moderated", schema: PublicReportSchema },
      404: problem("No such report within reach"),
      409: problem("Already moderated"),
      412: problem("Changed since read"),
    },
  } as const satisfies HttpRoute;
}

/**
 * Hidden dangers reported by the public (群众举报) from a source's QR page, and their moderation
 * by officials before they count (issue 14 item 1).
 */
export const publicReportsContract = {
  submit: {
    method: "POST",
    path: api("/public/risk-sources/{token}/hidden-dangers"),
    // No sign-in: the card's signed, expiring link is the only credential.
    access: "public",
    summary: "Report a hidden danger from the source's QR page; held for moderation",
    tags,
    request: {
      params: z.strictObject({ token: z.string().min(10).max(2000) }),
      body: PublicReportInputSchema,
    },
    responses: {
      202: { description: "Received, pending moderation", schema: PublicReportReceiptSchema },
      404: problem("Not a card link, or its source is gone"),
      410: problem("The link expired"),
      429: problem("Too many reports from this link or address; retry later"),
    },
  },
  list: {
    method: "GET",
    path: api("/public-danger-reports"),
    access: { roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES] },
    summary: "Public reports within reach, newest first (the moderation queue: `status=pending`)",
    tags,
    request: { query: PublicReportListQuerySchema },
    responses: { 200: { description: "Reports", schema: pageOf(PublicReportSchema) } },
  },
  accept: moderation(
    "accept",
    PublicReportAcceptSchema,
    "Accept: the report becomes a hidden danger of the source at the level given",
  ),
  reject: moderation("reject", PublicReportRejectSchema, "Reject the report, with a reason"),
} as const satisfies Contract;
