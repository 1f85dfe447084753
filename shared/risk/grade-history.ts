import type { Level } from "../methodology/levels.ts";
import type { Assessment } from "./assessment.ts";
import type { AssessmentStatus } from "./assessment-status.ts";
import type { RiskSource } from "./risk-source.ts";

/** What the grade rule reads of an assessment (an `Assessment` is one). */
export type GradedAssessment = Pick<
  Assessment,
  "id" | "profileId" | "profileVersion" | "gradedAt" | "status" | "nextReviewAt"
> & { grade: { level: Level; inherent?: { level: Level } | undefined } };

/** The part of a source its assessments decide. */
export type SourceGrade = Pick<
  RiskSource,
  "currentLevel" | "inherentLevel" | "nextReviewAt" | "lastAssessment"
>;

/**
 * Whether an assessment grades its source: one awaiting review or accepted does; one the
 * official returned, or one superseded by a newer submission before review, never does.
 */
export function countsForGrade(status: AssessmentStatus): boolean {
  return status === "submitted" || status === "accepted";
}

/**
 * The grade a source carries, from its assessment history newest first (as the history query
 * returns it). The latest assessment that counts gives the level, the next review date
 * (domain.md §4) and the `lastAssessment` pointer, so returning it restores the one before.
 * A re-assessment may grade the current risk alone (domain.md §3): the inherent level is the
 * latest counting assessment's that graded it. Nothing counting leaves the source ungraded.
 */
export function sourceGrade(newestFirst: readonly GradedAssessment[]): SourceGrade {
  const counting = newestFirst.filter((a) => countsForGrade(a.status));
  const latest = counting[0];
  if (!latest) {
    return { currentLevel: null, inherentLevel: null, nextReviewAt: null, lastAssessment: null };
  }
  const inherent = counting.find((a) => a.grade.inherent !== undefined)?.grade.inherent;
  return {
    currentLevel: latest.grade.level,
    inherentLevel: inherent?.level ?? null,
    nextReviewAt: latest.nextReviewAt,
    lastAssessment: {
      id: latest.id,
      profileId: latest.profileId,
      profileVersion: latest.profileVersion,
      gradedAt: latest.gradedAt,
      status: latest.status,
    },
  };
}
