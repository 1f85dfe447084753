import * as assessmentGraded from "../../events/assessment-graded.v1.ts";
import type { EventEnvelope, EventSubject } from "../../events/envelope.ts";
import { newEvent } from "../../events/new-event.ts";
import * as riskLevelChanged from "../../events/risk-level-changed.v1.ts";
import * as riskSourceRegistered from "../../events/risk-source-registered.v1.ts";
import type { Assessment } from "../../shared/risk/assessment.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { eventStep } from "../platform/outbox/event-step.ts";

/** Whose event it is: the source's tenant and place, so consumers scope without the payload. */
function subjectOf(source: RiskSource): EventSubject {
  return {
    tenantId: source.tenantId,
    riskSourceId: source.id,
    district: source.supervision.district,
    ...(source.supervision.street ? { street: source.supervision.street } : {}),
    industry: source.industry,
    ...(source.currentLevel ? { level: source.currentLevel } : {}),
  };
}

const registered = {
  ...riskSourceRegistered,
  parse: riskSourceRegistered.RiskSourceRegisteredV1Schema.parse,
};
const graded = { ...assessmentGraded, parse: assessmentGraded.AssessmentGradedV1Schema.parse };
const levelChanged = {
  ...riskLevelChanged,
  parse: riskLevelChanged.RiskLevelChangedV1Schema.parse,
};

/** The `risk-source.registered` event of a newly registered source, as an outbox step. */
export function registeredEventSteps(source: RiskSource, now: Date): WriteStep[] {
  const envelope = newEvent(
    registered,
    subjectOf(source),
    {
      riskSourceId: source.id,
      enterpriseId: source.enterpriseId,
      name: source.name,
      industry: source.industry,
      registeredAt: source.createdAt,
    },
    now,
  );
  return [eventStep(envelope, now)];
}

/**
 * The events of an assessment graded or reviewed: `assessment.graded` always, and
 * `risk-level.changed` when the source's current level moved.
 */
export function gradedEvents(
  assessment: Assessment,
  before: RiskSource,
  after: RiskSource,
  now: Date,
): EventEnvelope[] {
  const subject = { ...subjectOf(after), level: assessment.grade.level };
  const status = assessment.status;
  const events = [];
  if (status === "submitted" || status === "accepted" || status === "returned") {
    events.push(
      newEvent(
        graded,
        subject,
        {
          assessmentId: assessment.id,
          riskSourceId: after.id,
          level: assessment.grade.level,
          score: assessment.grade.score,
          status,
          gradedAt: assessment.gradedAt,
        },
        now,
      ),
    );
  }
  if (before.currentLevel !== after.currentLevel) {
    events.push(levelChangedEvent(before, after, { assessmentId: assessment.id }, now));
  }
  return events;
}

/** What moved a source's level: an assessment, or a direct-major rule's hidden danger. */
export type LevelCause =
  | { assessmentId: string }
  | { rule: { id: string; hiddenDangerId: string } };

/** The `risk-level.changed` event of a source whose current level moved. */
export function levelChangedEvent(
  before: RiskSource,
  after: RiskSource,
  cause: LevelCause,
  now: Date,
): EventEnvelope {
  return newEvent(
    levelChanged,
    subjectOf(after),
    {
      riskSourceId: after.id,
      from: before.currentLevel,
      to: after.currentLevel,
      ...cause,
      changedAt: now.toISOString(),
    },
    now,
  );
}

/** gradedEvents as outbox steps for the assessment's unit of work. */
export function gradedEventSteps(
  assessment: Assessment,
  before: RiskSource,
  after: RiskSource,
  now: Date,
): WriteStep[] {
  return gradedEvents(assessment, before, after, now).map((e) => eventStep(e, now));
}
