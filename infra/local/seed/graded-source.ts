import { ulid } from "ulidx";
import { assessmentItem, gradeAssessment } from "../../../functions/registry/assessments.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { newRiskSource } from "../../../functions/registry/risk-sources.ts";
import { getProfile } from "../../../shared/methodology/profiles/registry.ts";
import type { Assessment, AssessmentCreateInput } from "../../../shared/risk/assessment.ts";
import type { RiskSource, RiskSourceCreateInput } from "../../../shared/risk/risk-source.ts";
import type { Caller } from "../../../shared/tenancy/claims.ts";
import type { Prng } from "./prng.ts";

const HOUR_MS = 3_600_000;

export type RiskSourceItem = ReturnType<typeof riskSourceItem>;
export type AssessmentItem = ReturnType<typeof assessmentItem>;

/** One source's history as the API would have left it: registered, assessed, maybe reviewed. */
export interface GradedSourcePlan {
  tenantId: string;
  input: RiskSourceCreateInput;
  assessment: AssessmentCreateInput;
  assessor: Caller;
  /** The official who accepted the assessment; `null` leaves it awaiting review. */
  reviewer: Caller | null;
  createdAt: Date;
  /** Shown in the review queue beside the source's name. */
  enterpriseName?: string;
}

/**
 * Builds the items a registration, an assessment and (optionally) an acceptance through the API
 * leave behind — with the product's own builders (newRiskSource, gradeAssessment, riskSourceItem,
 * assessmentItem), so demo data and real data have one shape. Only the ULIDs differ: they come
 * from the seeded generator so the demo is the same on every run.
 */
export function gradedSource(
  prng: Prng,
  plan: GradedSourcePlan,
): { source: RiskSource; sourceItem: RiskSourceItem; assessmentItem: AssessmentItem } {
  const random = () => prng.next();
  const registered: RiskSource = {
    ...newRiskSource(plan.tenantId, plan.input, plan.createdAt),
    id: `${plan.tenantId}~${ulid(plan.createdAt.getTime(), random)}`,
  };
  const gradedAt = new Date(plan.createdAt.getTime() + prng.int(1, 72) * HOUR_MS);
  const profile = getProfile(plan.assessment.profileId, plan.assessment.profileVersion);
  const graded = gradeAssessment(plan.assessor, registered, plan.assessment, profile, gradedAt);
  let assessment: Assessment = {
    ...graded,
    id: `${registered.id}~${ulid(gradedAt.getTime(), random)}`,
  };
  // As submitAssessment leaves it (functions/registry/assessments.ts).
  let source: RiskSource = {
    ...registered,
    currentLevel: assessment.grade.level,
    inherentLevel: assessment.grade.inherent?.level ?? null,
    lastAssessment: {
      id: assessment.id,
      profileId: assessment.profileId,
      profileVersion: assessment.profileVersion,
      gradedAt: assessment.gradedAt,
      status: "submitted",
    },
    nextReviewAt: assessment.nextReviewAt,
    version: registered.version + 1,
    updatedAt: assessment.gradedAt,
  };
  if (plan.reviewer && source.lastAssessment) {
    // As reviewAssessment leaves an accepted assessment and its source.
    const at = new Date(gradedAt.getTime() + prng.int(4, 240) * HOUR_MS).toISOString();
    assessment = {
      ...assessment,
      status: "accepted",
      review: {
        decision: "accept",
        by: plan.reviewer.userId,
        byTenantId: plan.reviewer.tenantId,
        at,
      },
      version: assessment.version + 1,
      updatedAt: at,
    };
    source = {
      ...source,
      lastAssessment: { ...source.lastAssessment, status: "accepted" },
      version: source.version + 1,
      updatedAt: at,
    };
  }
  return {
    source,
    sourceItem: riskSourceItem(source),
    assessmentItem: assessmentItem(assessment, source, plan.enterpriseName),
  };
}
