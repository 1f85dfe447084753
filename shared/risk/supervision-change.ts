import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import { StoredMetaSchema, Text } from "./common.ts";

/**
 * Where an enterprise or a risk source is supervised: its district and street (属地监管) and
 * its industry (行业管理, domain.md §5). The government assigns it; an enterprise only asks.
 */
export const SupervisedPlaceSchema = z.strictObject({
  district: DistrictCodeSchema,
  street: Text(50),
  industry: IndustryIdSchema,
});
export type SupervisedPlace = z.infer<typeof SupervisedPlaceSchema>;

/** What a change request moves: the enterprise (with the sources that follow it) or one source. */
export const SupervisionTargetSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("enterprise") }),
  z.strictObject({ type: z.literal("riskSource"), id: z.string().min(1).max(200) }),
]);
export type SupervisionTarget = z.infer<typeof SupervisionTargetSchema>;

/** An enterprise admin asks for new supervision; the official over the requested place decides. */
export const SupervisionChangeInputSchema = z.strictObject({
  target: SupervisionTargetSchema,
  to: SupervisedPlaceSchema,
  /** The industry department's name at the new place, written on the moved sources. */
  industryDepartment: Text(100).optional(),
  reason: Text(500),
});
export type SupervisionChangeInput = z.infer<typeof SupervisionChangeInputSchema>;

/** The receiving official's decision; a rejection says why. */
export const SupervisionDecisionInputSchema = z
  .strictObject({
    decision: z.enum(["approve", "reject"]),
    comment: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.decision === "approve" || (v.comment ?? "") !== "", {
    message: "驳回须说明理由 / a rejection needs a comment",
    path: ["comment"],
  });
export type SupervisionDecisionInput = z.infer<typeof SupervisionDecisionInputSchema>;

export const SupervisionChangeStatusSchema = z.enum(["pending", "approved", "rejected"]);
export type SupervisionChangeStatus = z.infer<typeof SupervisionChangeStatusSchema>;

/** A supervision change request as stored, in the enterprise's partition. */
export const SupervisionChangeSchema = z.object({
  ...StoredMetaSchema.shape,
  target: SupervisionTargetSchema,
  /** Names shown to the deciding official (the enterprise's, and the source's for a source). */
  enterpriseName: z.string(),
  targetName: z.string(),
  /** The supervision when the request was filed; approval applies only while it still holds. */
  from: SupervisedPlaceSchema,
  to: SupervisedPlaceSchema,
  industryDepartment: z.string().optional(),
  reason: z.string(),
  status: SupervisionChangeStatusSchema,
  requestedBy: z.string(),
  decision: z
    .object({
      decision: z.enum(["approve", "reject"]),
      by: z.string(),
      byTenantId: z.string(),
      at: z.iso.datetime(),
      comment: z.string().optional(),
      /** Approved enterprise moves: the sources that moved with the enterprise. */
      movedSourceIds: z.array(z.string()).optional(),
    })
    .nullable(),
});
export type SupervisionChange = z.infer<typeof SupervisionChangeSchema>;

/** A place as stored records name it (plain strings). */
type PlaceFields = Readonly<Record<keyof SupervisedPlace, string>>;

/** Whether two supervised places are the same. */
export function samePlace(a: PlaceFields, b: PlaceFields): boolean {
  return a.district === b.district && a.street === b.street && a.industry === b.industry;
}

const CHANGE_ROUTE = "POST /api/v1/supervision-changes";

/**
 * A direct edit of supervision, refused: the territorial and industry supervisors are the
 * government's to assign (domain.md §5), so the place changes only through a change request
 * the receiving official approves.
 */
export class SupervisionGovernedError extends DomainError {
  readonly code = "supervision.invalidDirectChange";

  constructor(issues: readonly FieldIssue[]) {
    super(
      {
        zh: `属地和行业监管由政府分配，不能直接修改；请通过 ${CHANGE_ROUTE} 申请变更`,
        en: `Supervision is assigned by the government and cannot be edited; request a change with ${CHANGE_ROUTE}`,
      },
      issues,
    );
  }
}

/**
 * One issue per governed field where `proposed` differs from `current`; `paths` names each
 * field as the request spells it (e.g. `body.supervision.district`).
 */
export function governedEdits(
  current: PlaceFields,
  proposed: PlaceFields,
  paths: PlaceFields,
): FieldIssue[] {
  const keys = ["district", "street", "industry"] as const;
  return keys
    .filter((k) => current[k] !== proposed[k])
    .map((k) => ({
      path: paths[k],
      code: "supervision.invalidDirectChange",
      message: {
        zh: `须与当前监管一致（${current[k]}）；变更请通过 ${CHANGE_ROUTE} 申请`,
        en: `must stay ${current[k]}; request a change with ${CHANGE_ROUTE}`,
      },
      allowed: [current[k]],
    }));
}
