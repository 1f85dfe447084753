import { ulid } from "ulidx";
import type * as z from "zod";
import type { EventEnvelope } from "../../events/envelope.ts";
import * as acknowledged from "../../events/warning-acknowledged.v1.ts";
import * as escalated from "../../events/warning-escalated.v1.ts";
import type { WarningEventBaseSchema } from "../../events/warning-payload.ts";
import * as raised from "../../events/warning-raised.v1.ts";
import * as resolved from "../../events/warning-resolved.v1.ts";
import { jurisdictionsAt } from "../../shared/warnings/escalation.ts";
import type { Warning } from "../../shared/warnings/warning.ts";
import type { WriteStep } from "../platform/data/unit-of-work.ts";
import { eventStep } from "../platform/outbox/event-step.ts";

type Base = z.infer<typeof WarningEventBaseSchema>;

function base(w: Warning): Base {
  return {
    warningId: w.id,
    riskSourceId: w.riskSourceId,
    riskSourceName: w.riskSourceName,
    enterpriseName: w.enterpriseName,
    rule: w.rule,
    level: w.level,
    raisedAt: w.raisedAt,
    step: w.escalation.step,
    jurisdictions: jurisdictionsAt(w.escalation.step, w.place),
  };
}

/** The envelope of a warning event: its subject scopes it by tenant and jurisdiction. */
export function warningEnvelope(
  w: Warning,
  event: { type: string; version: number },
  data: unknown,
  now: Date,
): EventEnvelope {
  return {
    id: ulid(now.getTime()),
    type: event.type,
    version: event.version,
    occurredAt: now.toISOString(),
    subject: {
      tenantId: w.tenantId,
      riskSourceId: w.riskSourceId,
      district: w.place.district,
      street: w.place.street,
      industry: w.place.industry,
      level: w.level,
    },
    data,
  };
}

/** `warning.raised` (also a re-fire at a more severe level), for the raise's unit of work. */
export function raisedEvent(w: Warning, now: Date): WriteStep {
  const data = raised.WarningRaisedV1Schema.parse({
    ...base(w),
    fireCount: w.fireCount,
    detail: w.detail,
  });
  return eventStep(warningEnvelope(w, raised, data, now), now);
}

export function acknowledgedEvent(
  w: Warning,
  by: string,
  note: string | undefined,
  now: Date,
): WriteStep {
  const data = acknowledged.WarningAcknowledgedV1Schema.parse({
    ...base(w),
    acknowledgedAt: now.toISOString(),
    acknowledgedBy: by,
    ...(note ? { note } : {}),
  });
  return eventStep(warningEnvelope(w, acknowledged, data, now), now);
}

export function escalatedEvent(before: Warning, after: Warning, now: Date): WriteStep {
  const data = escalated.WarningEscalatedV1Schema.parse({
    ...base(after),
    from: before.escalation.step,
    reason: after.escalation.awaiting === "acknowledge" ? "unacknowledged" : "unresolved",
    escalatedAt: now.toISOString(),
    nextDueAt: after.escalation.dueAt,
  });
  return eventStep(warningEnvelope(after, escalated, data, now), now);
}

export function resolvedEvent(
  w: Warning,
  resolution: "resolved" | "cleared",
  by: string | undefined,
  note: string | undefined,
  now: Date,
): WriteStep {
  const data = resolved.WarningResolvedV1Schema.parse({
    ...base(w),
    resolution,
    resolvedAt: now.toISOString(),
    ...(by ? { resolvedBy: by } : {}),
    ...(note ? { note } : {}),
  });
  return eventStep(warningEnvelope(w, resolved, data, now), now);
}
