import { ulid } from "ulidx";
import type { AuditRecord } from "../../shared/audit/audit-record.ts";
import { ConflictError } from "../../shared/errors.ts";
import type { Grade } from "../../shared/methodology/grade-schema.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import { reviewDueAt } from "../../shared/methodology/review.ts";
import type { Assessment } from "../../shared/risk/assessment.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, auditStep, type WriteStep } from "../platform/data/unit-of-work.ts";
import { assessmentItem, putAssessment, putSource } from "../registry/assessments.ts";
import { gradedEventSteps } from "../registry/registry-events.ts";
import { assessmentWarningSteps } from "../warnings/assessment-warnings.ts";
import { systemActor } from "../warnings/signal-steps.ts";

/** What a re-grade writes: the new assessment and the source as it becomes. */
export interface Regrade {
  assessment: Assessment;
  source: RiskSource;
}

/**
 * The re-evaluation of one source as a new assessment (trigger `profileChange`): the stored
 * inputs graded under the current version, history untouched (domain.md §1). It stands where
 * the one it re-grades stood — accepted stays accepted; one awaiting review is superseded by it
 * and it awaits review instead — and its next review counts from the original assessment.
 */
export function regradeOf(
  source: RiskSource,
  base: Assessment,
  grade: Grade,
  target: MethodProfile,
  passId: string,
  now: Date,
): Regrade {
  const at = now.toISOString();
  const assessment: Assessment = {
    ...base,
    id: `${source.id}~${ulid(now.getTime())}`,
    profileVersion: target.version,
    grade,
    trigger: "profileChange",
    assessedBy: "system:reevaluation",
    gradedAt: at,
    nextReviewAt: reviewDueAt(grade.level, base.gradedAt, target),
    note: `重新评估 / re-evaluation ${passId}`,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const updated: RiskSource = {
    ...source,
    currentLevel: grade.level,
    inherentLevel: grade.inherent?.level ?? source.inherentLevel,
    nextReviewAt: assessment.nextReviewAt,
    lastAssessment: {
      id: assessment.id,
      profileId: assessment.profileId,
      profileVersion: assessment.profileVersion,
      gradedAt: at,
      status: assessment.status,
    },
    version: source.version + 1,
    updatedAt: at,
  };
  return { assessment, source: updated };
}

const changedMeanwhile = () =>
  new ConflictError({ zh: "风险源正被同时修改", en: "The risk source changed meanwhile" });

/**
 * Writes one re-grade in one unit of work: the source (conditional on the version it was read
 * at), the new assessment, the superseded one, the audit record, `assessment.graded` and
 * `risk-level.changed` through the outbox, and the warnings a level reaching or leaving `major`
 * brings. False when the source changed since it was read: the caller reads it again.
 */
export async function writeRegrade(
  store: Store,
  before: RiskSource,
  base: Assessment,
  regrade: Regrade,
  passId: string,
  now: Date,
): Promise<boolean> {
  const actor = systemActor(before.tenantId, "reevaluation");
  const after = regrade.source;
  const audit: AuditRecord = {
    id: ulid(now.getTime()),
    at: now.toISOString(),
    actor,
    tenantId: before.tenantId,
    action: "assessment.reevaluate",
    target: { type: "riskSource", id: before.id },
    before: {
      level: before.currentLevel,
      inherentLevel: before.inherentLevel,
      assessmentId: base.id,
      profileVersion: base.profileVersion,
    },
    after: {
      level: after.currentLevel,
      inherentLevel: after.inherentLevel,
      assessmentId: regrade.assessment.id,
      profileVersion: regrade.assessment.profileVersion,
      passId,
    },
  };
  const superseded: WriteStep[] =
    base.status === "submitted"
      ? [
          putAssessment(
            {
              ...base,
              status: "superseded",
              version: base.version + 1,
              updatedAt: after.updatedAt,
            },
            after,
            changedMeanwhile,
          ),
        ]
      : [];
  const warnings = await assessmentWarningSteps(store, before, after, actor, now, {
    assessed: false,
  });
  const outcome = await attemptTogether(store, [
    putSource(after, changedMeanwhile),
    {
      action: (tx) => tx.assessment.create(assessmentItem(regrade.assessment, after)).commit(),
    },
    ...superseded,
    auditStep(audit),
    ...gradedEventSteps(regrade.assessment, before, after, now),
    ...warnings,
  ]);
  return outcome.committed;
}
