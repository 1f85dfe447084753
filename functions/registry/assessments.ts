import { ulid } from "ulidx";
import { ConflictError, NotFoundError } from "../../shared/errors.ts";
import { underDangerRule } from "../../shared/hidden-dangers/grade-rule.ts";
import { grade } from "../../shared/methodology/grading.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import { reviewDueAt } from "../../shared/methodology/review.ts";
import type {
  Assessment,
  AssessmentCreateInput,
  AssessmentReviewInput,
} from "../../shared/risk/assessment.ts";
import { sourceGrade } from "../../shared/risk/grade-history.ts";
import { hasRecordedControls, type RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { actorOf, auditRecord } from "../audit/audit-log.ts";
import { functionStore } from "../platform/data/request-store.ts";
import {
  auditStep,
  type WriteStep,
  writeOnce,
  writeTogether,
} from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { assessmentWarningSteps } from "../warnings/assessment-warnings.ts";
import { resolveProfile } from "./method-profiles.ts";
import { gradedEventSteps } from "./registry-events.ts";
import { riskSourceItem } from "./risk-source-item.ts";
import { enterpriseNameOf } from "./row-names.ts";
import { loadSource, ownerOf, placeOfSource, reachSource } from "./source-reach.ts";

/**
 * The stored item of an assessment: its record plus its review-queue attributes — the place and
 * submission time the queues are keyed by, and the level and names the queue filters and shows.
 */
export function assessmentItem(record: Assessment, source: RiskSource, enterpriseName?: string) {
  const place = placeOfSource(source);
  return {
    tenantId: record.tenantId,
    riskSourceId: record.riskSourceId,
    id: record.id,
    status: record.status,
    district: place.district,
    street: place.street,
    industry: place.industry,
    submittedAt: record.createdAt,
    level: record.grade.level,
    riskSourceName: source.name,
    ...(enterpriseName === undefined ? {} : { enterpriseName }),
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

/**
 * A source's assessments newest first, read strongly consistent. Callers read the source first
 * and write conditional on its version: every assessment transition also writes the source, so
 * a transition after that read fails the write instead of being overwritten.
 */
async function assessmentsOf(store: Store, source: RiskSource): Promise<Assessment[]> {
  const { data } = await store.entities.assessment.query
    .bySource({ tenantId: source.tenantId, riskSourceId: source.id })
    .go({ order: "desc", pages: "all", consistent: true });
  return data.map((d) => d.record);
}

function sourceChanged(): ConflictError {
  return new ConflictError({
    zh: "风险源正被同时修改，请刷新后重试",
    en: "The risk source changed meanwhile; reload and retry",
  });
}

/** The put of an assessment's next version, conditional on the version it was read at. */
export function putAssessment(
  next: Assessment,
  source: RiskSource,
  onConflict: () => Error,
): WriteStep {
  return {
    action: (tx) =>
      tx.assessment
        .put(assessmentItem(next, source))
        .where(({ version }, { eq }) => eq(version, next.version - 1))
        .commit(),
    onConflict,
  };
}

/** The put of a source's next version, conditional on the version it was read at. */
export function putSource(next: RiskSource, onConflict: () => Error): WriteStep {
  return {
    action: (tx) =>
      tx.riskSource
        .put(riskSourceItem(next))
        .where(({ version }, { eq }) => eq(version, next.version - 1))
        .commit(),
    onConflict,
  };
}

/** One assessment by its id (its tenant and source are read from the id). */
export async function loadAssessment(store: Store, id: string): Promise<Assessment | undefined> {
  const tenantId = ownerOf(id);
  const riskSourceId = id.slice(0, id.lastIndexOf("~"));
  if (!tenantId || ownerOf(riskSourceId) !== tenantId) return undefined;
  const { data } = await store.entities.assessment.get({ tenantId, riskSourceId, id }).go();
  return data?.record;
}

/**
 * Assesses a source: the new assessment supersedes any still awaiting review, and the source
 * takes the grade its history now gives (shared/risk/grade-history.ts). The assessment, the
 * superseding, the source and the audit record are written in one transaction, conditional on
 * the source being unchanged since it was read.
 */
export async function submitAssessment(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
  input: AssessmentCreateInput,
  now = new Date(),
  requestId?: string,
): Promise<{ assessment: Assessment; riskSource: RiskSource }> {
  const { source, store } = await reachSource(caller, scope, riskSourceId, "assess");
  const profile = await resolveProfile(input.profileId, input.profileVersion, source.industry);
  const assessment = gradeAssessment(caller, source, input, profile, now);
  const at = now.toISOString();
  const stored = await assessmentsOf(store, source);
  const superseded = stored
    .filter((a) => a.status === "submitted")
    .map(
      (a): Assessment => ({ ...a, status: "superseded", version: a.version + 1, updatedAt: at }),
    );
  const history = stored.map((a) => superseded.find((s) => s.id === a.id) ?? a);
  const updated: RiskSource = {
    ...source,
    ...underDangerRule(sourceGrade([assessment, ...history]), source.hiddenDangerRule),
    version: source.version + 1,
    updatedAt: at,
  };
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
  // A grade becoming major warns officials at once, in this same unit of work.
  const [warnings, enterpriseName] = await Promise.all([
    assessmentWarningSteps(store, source, updated, actorOf(caller), now, { assessed: true }),
    enterpriseNameOf(store, source.tenantId),
  ]);
  const written = await writeOnce(
    store,
    [
      putSource(updated, sourceChanged),
      {
        action: (tx) =>
          tx.assessment.create(assessmentItem(assessment, updated, enterpriseName)).commit(),
      },
      ...superseded.map((a) => putAssessment(a, updated, sourceChanged)),
      auditStep(audit),
      ...gradedEventSteps(assessment, source, updated, now),
      ...warnings,
    ],
    requestId === undefined ? undefined : { tenantId: source.tenantId, request: requestId },
    assessment.id,
    now,
  );
  if (!written.replayed) return { assessment, riskSource: updated };
  // A re-run of a request whose first invocation wrote: its assessment, the source as it is now.
  const { source: current } = await reachSource(caller, scope, riskSourceId, "read");
  const first = (await assessmentsOf(store, current)).find((a) => a.id === written.resultId);
  if (!first) throw notAwaitingReview();
  return { assessment: first, riskSource: current };
}

/** A source's assessments, newest first. */
export async function assessmentHistory(
  caller: Caller,
  scope: Scope,
  riskSourceId: string,
): Promise<Assessment[]> {
  const { source, store } = await reachSource(caller, scope, riskSourceId, "read");
  return assessmentsOf(store, source);
}

function notAwaitingReview(): NotFoundError {
  return new NotFoundError({ zh: "评估记录不存在", en: "Assessment not found" });
}

/**
 * An official accepts or returns a submitted assessment of a source their jurisdiction covers.
 * The source carries the outcome: its grade follows its history (shared/risk/grade-history.ts),
 * so a return restores the grade of the latest assessment before it that still counts, or none.
 * Both change in one transaction, conditional on the versions read.
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
  const tenantId = ownerOf(id);
  const riskSourceId = id.slice(0, id.lastIndexOf("~"));
  if (!tenantId || ownerOf(riskSourceId) !== tenantId) throw notAwaitingReview();
  const store = functionStore();
  const source = await loadSource(store, tenantId, riskSourceId);
  if (!source || !covers(scope.jurisdiction, placeOfSource(source))) throw notAwaitingReview();
  const history = await assessmentsOf(store, source);
  const found = history.find((a) => a.id === id);
  if (!found) throw notAwaitingReview();
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
  const updatedSource: RiskSource = {
    ...source,
    ...underDangerRule(
      sourceGrade(history.map((a) => (a.id === id ? reviewed : a))),
      source.hiddenDangerRule,
    ),
    version: source.version + 1,
    updatedAt: at,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId,
      action: `assessment.${input.decision}`,
      target: { type: "assessment", id },
      before: {
        status: found.status,
        level: source.currentLevel,
        nextReviewAt: source.nextReviewAt,
      },
      after: {
        status,
        comment: input.comment,
        level: updatedSource.currentLevel,
        nextReviewAt: updatedSource.nextReviewAt,
      },
    },
    now,
  );
  const warnings = await assessmentWarningSteps(
    store,
    source,
    updatedSource,
    actorOf(caller),
    now,
    { assessed: false },
  );
  await writeTogether(store, [
    putAssessment(reviewed, source, staleVersion),
    putSource(updatedSource, staleVersion),
    auditStep(audit),
    ...gradedEventSteps(reviewed, source, updatedSource, now),
    ...warnings,
  ]);
  return reviewed;
}
