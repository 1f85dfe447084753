import type { EventSubject } from "../../events/envelope.ts";
import * as closed from "../../events/hidden-danger-closed.v1.ts";
import * as overdue from "../../events/hidden-danger-overdue.v1.ts";
import * as reported from "../../events/hidden-danger-reported.v1.ts";
import { newEvent } from "../../events/new-event.ts";
import {
  closeMajorDanger,
  OPEN_MAJOR_HIDDEN_DANGER,
  openMajorDanger,
} from "../../shared/hidden-dangers/grade-rule.ts";
import type { HiddenDanger } from "../../shared/hidden-dangers/hidden-danger.ts";
import type { Overdue } from "../../shared/hidden-dangers/lifecycle.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { eventStep } from "../platform/outbox/event-step.ts";
import { putSource } from "../registry/assessments.ts";
import { levelChangedEvent } from "../registry/registry-events.ts";

function subjectOf(d: HiddenDanger): EventSubject {
  return {
    tenantId: d.tenantId,
    riskSourceId: d.riskSourceId,
    district: d.place.district,
    ...(d.place.street ? { street: d.place.street } : {}),
    industry: d.place.industry,
    level: d.level === "major" ? "major" : "general",
  };
}

function base(d: HiddenDanger, now: Date) {
  return {
    hiddenDangerId: d.id,
    riskSourceId: d.riskSourceId,
    riskSourceName: d.riskSourceName,
    level: d.level,
    title: d.title,
    status: d.status,
    supervised: d.supervised,
    at: now.toISOString(),
  };
}

const kinds = {
  reported: { ...reported, parse: reported.HiddenDangerReportedV1Schema.parse },
  closed: { ...closed, parse: closed.HiddenDangerClosedV1Schema.parse },
};
const overdueKind = { ...overdue, parse: overdue.HiddenDangerOverdueV1Schema.parse };

/** `hidden-danger.reported` or `.closed` as an outbox step of the danger's unit of work. */
export function dangerEventStep(kind: keyof typeof kinds, d: HiddenDanger, now: Date): WriteStep {
  return eventStep(newEvent(kinds[kind], subjectOf(d), base(d, now), now), now);
}

export function overdueEventStep(d: HiddenDanger, late: Overdue, now: Date): WriteStep {
  const data = { ...base(d, now), overdue: late.kind, dueAt: late.dueAt };
  return eventStep(newEvent(overdueKind, subjectOf(d), data, now), now);
}

/**
 * The source's side of a major danger opened or closed (domain.md §3 rule 3): the source takes
 * its next grade under the rule — written conditional on the version read, with a
 * `risk-level.changed` event naming the rule and the danger when its level moved.
 */
export function ruleSteps(
  source: RiskSource,
  danger: HiddenDanger,
  change: "open" | "close",
  now: Date,
): { next: RiskSource; steps: WriteStep[] } {
  const ruled =
    change === "open"
      ? openMajorDanger(source, danger.id, now)
      : closeMajorDanger(source, danger.id);
  if (ruled === source) return { next: source, steps: [] };
  const next: RiskSource = { ...ruled, version: source.version + 1, updatedAt: now.toISOString() };
  const steps = [putSource(next, staleVersion)];
  if (next.currentLevel !== source.currentLevel) {
    const cause = { rule: { id: OPEN_MAJOR_HIDDEN_DANGER, hiddenDangerId: danger.id } };
    steps.push(eventStep(levelChangedEvent(source, next, cause, now), now));
  }
  return { next, steps };
}
