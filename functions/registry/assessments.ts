import { ulid } from "ulidx";
import { ConflictError, NotFoundError } from "../../shared/errors.ts";
import { grade } from "../../shared/methodology/grading.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import { reviewDueAt } from "../../shared/methodology/review.ts";
import type {
  Assessment,
  AssessmentCreateInput,
  AssessmentReviewInput,
} from "../../shared/risk/assessment.ts";
import { hasRecordedControls, type RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { auditStep, type TxEntities, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { resolveProfile } from "./method-profiles.ts";
import { riskSourceItem } from "./risk-source-item.ts";
import { ownerOf, placeOfSource, reachSource } from "./source-reach.ts";

/** The stored item of an assessment: its record plus its review-queue key attributes. */
export function assessmentItem(record: Assessment, source: RiskSource) {
  const place = placeOfSource(source);
  return {
    tenantId: record.tenantId,
    riskSourceId: record.riskSourceId,
    id: record.id,
    status: record.status,
    district: place.district,
    street: place.street,
    industry: place.industry,
    version: record.version,
    record,
  };
}

/** Grades the inputs under the pinned profile version (domain.md §1) and builds the record. */
export function gradeAssessment(
  caller: Caller,
  source: RiskSource,
  input: AssessmentCreateInput,
  profile: MethodProfile,
  now: Date,
): Assessment {
  const result = grade(profile, {
    current: input.current as Record<string, number>,
    inherent: input.inherent as Record<string, number> | undefined,
    dimensions: input.dimensions,
    directRules: input.directRules,
    controlsRecorded: hasRecordedControls(source.controls),
  });
  const at = now.toISOString();
  return {
    // `<source id>~<ULID>`: the id names its tenant and source, so it is read with one get.
    id: `${source.id}~${ulid(now.getTime())}`,
    tenantId: source.tenantId,
    riskSourceId: source.id,
    profileId: result.profileId,
    profileVersion: result.profileVersion,
    inputs: {
      current: result.factors,
      ...(result.inherent ? { inherent: result.inherent.factors } : {}),
      ...(input.dimensions ? { dimensions: input.dimensions } : {}),
      directRules: input.directRules ?? [],
      controlsRecorded: hasRecordedControls(source.controls),
    },
    grade: result,
    status: "submitted",
    trigger: input.trigger ?? (source.lastAssessment ? "periodic" : "initial"),
    assessedBy: caller.userId,
    gradedAt: at,
    review: null,
    nextReviewAt: reviewDueAt(result.level, now, profile),
    ...(input.note ? { note: input.note } : {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export async function loadAssessment(store: Store, id: string): Promise<Assessment | undefined> {
  const tenantId = ownerOf(id);
  const riskSourceId = id.slice(0, id.lastIndexOf("~"));
  if (!tenantId || ownerOf(riskSourceId) !== tenantId) return undefined;
  const { data } = await store.entities.assessment.get({ tenantId, riskSourceId, id }).go();
  return data?.record;
}

/**
 * Assesses a source: the grade, the assessment, the source's new level and next review date,
 * the superseding of a still-pending earlier assessment and the audit record are written in one
 * transaction, conditional on the source being unchanged since it was read.
 */
export async function submitAssessment(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
  input: AssessmentCreateInput,
  now = new Date(),
): Promise<{ assessment: Assessment; riskSource: RiskSource }> {
  const { source, store } = await reachSource(caller, scope, riskSourceId, "assess");
  const profile = await resolveProfile(input.profileId, input.profileVersion, source.industry);
  const assessment = gradeAssessment(caller, source, input, profile, now);
  const pending = source.lastAssessment?.status === "submitted" ? source.lastAssessment : null;
  const updated: RiskSource = {
    ...source,
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
    version: source.version + 1,
    updatedAt: now.toISOString(),
  };
  const superseded = pending ? await loadAssessment(store, pending.id) : undefined;
  const audit = auditRecord(
    caller,
    {
      tenantId: source.tenantId,
      action: "assessment.submit",
      target: { type: "riskSource", id: source.id },
      before: { level: source.currentLevel, nextReviewAt: source.nextReviewAt },
      after: { assessmentId: assessment.id, grade: assessment.grade },
    },
    now,
  );
  const sourceChanged = () =>
    new ConflictError({
      zh: "风险源正被同时修改，请刷新后重试",
      en: "The risk source changed meanwhile; reload and retry",
    });
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.riskSource
          .put(riskSourceItem(updated))
          .where(({ version }, { eq }) => eq(version, source.version))
          .commit(),
      onConflict: sourceChanged,
    },
    { action: (tx) => tx.assessment.create(assessmentItem(assessment, updated)).commit() },
    ...(superseded
      ? [
          {
            action: (tx: TxEntities) =>
              tx.assessment
                .put(
                  assessmentItem(
                    {
                      ...superseded,
                      status: "superseded",
                      version: superseded.version + 1,
                      updatedAt: now.toISOString(),
                    },
                    updated,
                  ),
                )
                .where(({ version }, { eq }) => eq(version, superseded.version))
                .commit(),
            onConflict: sourceChanged,
          },
        ]
      : []),
    auditStep(audit),
  ]);
  return { assessment, riskSource: updated };
}

/** A source's assessments, newest first. */
export async function assessmentHistory(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
): Promise<Assessment[]> {
  const { source, store } = await reachSource(caller, scope, riskSourceId, "read");
  const { data } = await store.entities.assessment.query
    .bySource({ tenantId: source.tenantId, riskSourceId: source.id })
    .go({ order: "desc", pages: "all" });
  return data.map((d) => d.record);
}

function notAwaitingReview(): NotFoundError {
  return new NotFoundError({ zh: "评估记录不存在", en: "Assessment not found" });
}

/**
 * An official accepts or returns a submitted assessment of a source their jurisdiction covers.
 * The source carries the outcome so the enterprise sees it; both change in one transaction.
 */
export async function reviewAssessment(
  caller: Caller,
  scope: Scope,
  id: string,
  input: AssessmentReviewInput,
  expected: number,
  now = new Date(),
): Promise<Assessment> {
  if (scope.kind !== "jurisdiction") throw notAwaitingReview();
  const store = functionStore();
  const found = await loadAssessment(store, id);
  if (!found) throw notAwaitingReview();
  const { data } = await store.entities.riskSource
    .get({ tenantId: found.tenantId, id: found.riskSourceId })
    .go();
  const source = data?.record;
  if (!source || !covers(scope.jurisdiction, placeOfSource(source))) throw notAwaitingReview();
  if (found.version !== expected) throw staleVersion();
  if (found.status !== "submitted") {
    throw new ConflictError({
      zh: "该评估不在待审核状态",
      en: "This assessment is not awaiting review",
    });
  }
  const at = now.toISOString();
  const status = input.decision === "accept" ? "accepted" : "returned";
  const reviewed: Assessment = {
    ...found,
    status,
    review: {
      decision: input.decision,
      by: caller.userId,
      byTenantId: caller.tenantId,
      at,
      ...(input.comment ? { comment: input.comment } : {}),
    },
    version: found.version + 1,
    updatedAt: at,
  };
  const latest = source.lastAssessment?.id === found.id;
  const updatedSource: RiskSource | undefined =
    latest && source.lastAssessment
      ? {
          ...source,
          lastAssessment: { ...source.lastAssessment, status },
          version: source.version + 1,
          updatedAt: at,
        }
      : undefined;
  const audit = auditRecord(
    caller,
    {
      tenantId: found.tenantId,
      action: `assessment.${input.decision}`,
      target: { type: "assessment", id },
      before: { status: found.status },
      after: { status, comment: input.comment },
    },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.assessment
          .put(assessmentItem(reviewed, source))
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    ...(updatedSource
      ? [
          {
            action: (tx: TxEntities) =>
              tx.riskSource
                .put(riskSourceItem(updatedSource))
                .where(({ version }, { eq }) => eq(version, source.version))
                .commit(),
            onConflict: staleVersion,
          },
        ]
      : []),
    auditStep(audit),
  ]);
  return reviewed;
}
