import * as z from "zod";
import { ConflictError } from "../errors.ts";
import { StoredMetaSchema, Text } from "../risk/common.ts";
import { type HiddenDanger, HiddenDangerLevelSchema, HiddenDangerSchema } from "./hidden-danger.ts";

/**
 * A hidden danger reported by a member of the public (群众举报) from a source's QR page: held as
 * `pending` until an official of the source's jurisdiction moderates it. Accepted, it becomes a
 * hidden danger of the source (and only then counts); rejected, it keeps the reason.
 */
export const PUBLIC_REPORT_STATUSES = ["pending", "accepted", "rejected"] as const;
export const PublicReportStatusSchema = z.enum(PUBLIC_REPORT_STATUSES);
export type PublicReportStatus = z.infer<typeof PublicReportStatusSchema>;

/** What the public page sends: no sign-in, the card's signed link is the only credential. */
export const PublicReportInputSchema = z.strictObject({
  title: Text(200),
  description: Text(4000),
  /** A phone or e-mail for questions; only the moderating officials ever read it. */
  contact: z.string().trim().max(200).optional(),
});
export type PublicReportInput = z.infer<typeof PublicReportInputSchema>;

export const PublicReportSchema = StoredMetaSchema.extend({
  riskSourceId: z.string().min(1),
  riskSourceName: z.string(),
  place: HiddenDangerSchema.shape.place,
  title: z.string(),
  description: z.string(),
  /** Present only to officials (the moderators); null when none was given or hidden. */
  contact: z.string().nullable(),
  status: PublicReportStatusSchema,
  /** The hidden danger it became, once accepted. */
  hiddenDangerId: z.string().nullable(),
  rejectReason: z.string().nullable(),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.iso.datetime().nullable(),
});
export type PublicReport = z.infer<typeof PublicReportSchema>;

/** The public page's receipt: nothing of the source or of other reports. */
export const PublicReportReceiptSchema = z.object({
  id: z.string(),
  status: z.literal("pending"),
  receivedAt: z.iso.datetime(),
});

/** Accepting grades the danger (一般/重大), as the official judges it. */
export const PublicReportAcceptSchema = z.strictObject({ level: HiddenDangerLevelSchema });
export const PublicReportRejectSchema = z.strictObject({ reason: Text(1000) });

export const PublicReportListQuerySchema = z.strictObject({
  status: PublicReportStatusSchema.optional(),
  riskSourceId: z.string().min(1).max(200).optional(),
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PublicReportListQuery = z.infer<typeof PublicReportListQuerySchema>;

export interface PublicReportContext {
  id: string;
  tenantId: string;
  riskSourceId: string;
  riskSourceName: string;
  place: PublicReport["place"];
}

/** A report as received from the public page. */
export function receivePublicReport(
  input: PublicReportInput,
  context: PublicReportContext,
  now: Date,
): PublicReport {
  const at = now.toISOString();
  return {
    ...context,
    title: input.title,
    description: input.description,
    contact: input.contact ? input.contact : null,
    status: "pending",
    hiddenDangerId: null,
    rejectReason: null,
    moderatedBy: null,
    moderatedAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export class PublicReportModeratedError extends ConflictError {
  constructor(status: PublicReportStatus) {
    super({
      zh: `该公众举报已审核（${status}）`,
      en: `This public report was already moderated (${status})`,
    });
  }
}

function moderate(
  report: PublicReport,
  by: string,
  now: Date,
  changes: Pick<PublicReport, "status" | "hiddenDangerId" | "rejectReason">,
): PublicReport {
  if (report.status !== "pending") throw new PublicReportModeratedError(report.status);
  const at = now.toISOString();
  return {
    ...report,
    ...changes,
    moderatedBy: by,
    moderatedAt: at,
    version: report.version + 1,
    updatedAt: at,
  };
}

export function acceptPublicReport(
  report: PublicReport,
  hiddenDangerId: string,
  by: string,
  now: Date,
): PublicReport {
  return moderate(report, by, now, { status: "accepted", hiddenDangerId, rejectReason: null });
}

export function rejectPublicReport(
  report: PublicReport,
  reason: string,
  by: string,
  now: Date,
): PublicReport {
  return moderate(report, by, now, {
    status: "rejected",
    hiddenDangerId: null,
    rejectReason: reason,
  });
}

/**
 * The hidden danger an accepted report becomes: reported by the public, the accepting official
 * named on its first step, tied back to the report.
 */
export function dangerFromPublicReport(danger: HiddenDanger, report: PublicReport): HiddenDanger {
  return {
    ...danger,
    reporterKind: "public",
    publicReportId: report.id,
    steps: danger.steps.map((s, i) => (i === 0 ? { ...s, note: "公众举报 public report" } : s)),
  };
}

/** The contact goes to the moderators (officials) only; the enterprise sees the report without it. */
export function publicReportFor(report: PublicReport, official: boolean): PublicReport {
  return official ? report : { ...report, contact: null };
}
