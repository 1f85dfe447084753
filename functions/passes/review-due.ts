import type { EventEnvelope } from "../../events/envelope.ts";
import * as reviewOverdue from "../../events/review-overdue.v1.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether } from "../platform/data/unit-of-work.ts";
import { eventStep } from "../platform/outbox/event-step.ts";
import { timingFor } from "../warnings/settings.ts";
import { overdueReviewPlan } from "../warnings/sweep.ts";
import {
  DISTRICT_SHARD_SEGMENTS,
  datedPassId,
  districtShardOf,
  type PassPlan,
} from "./pass-runner.ts";

const DAY_MS = 24 * 3600 * 1000;
const PAGE = 100;

/** The daily pass's id: one per calendar day in Beijing, so a re-run that day resumes it. */
export const reviewDuePassId = (now: Date): string => datedPassId("review-due", now);

/** The `review.overdue` envelope of a source past its review date (events/envelope.ts). */
export function reviewOverdueEnvelope(
  tenantId: string,
  source: RiskSource,
  now: Date,
): EventEnvelope {
  const due = source.nextReviewAt ?? now.toISOString();
  const data: reviewOverdue.ReviewOverdueV1 = {
    riskSourceId: source.id,
    name: source.name,
    level: source.currentLevel ?? "low",
    nextReviewAt: due,
    daysOverdue: Math.max(0, Math.floor((now.getTime() - Date.parse(due)) / DAY_MS)),
  };
  return {
    // The same for every re-run: consumers (webhooks) deduplicate on it.
    id: `${reviewOverdue.type}~${tenantId}~${source.id}~${due}`,
    type: reviewOverdue.type,
    version: reviewOverdue.version,
    occurredAt: now.toISOString(),
    subject: {
      tenantId,
      riskSourceId: source.id,
      district: source.supervision.district,
      street: source.supervision.street,
      industry: source.industry,
      ...(source.currentLevel ? { level: source.currentLevel } : {}),
    },
    data,
  };
}

interface DueSource {
  tenantId: string;
  record: RiskSource;
}

/**
 * Sources whose next review passed (domain.md §4) announced as `review.overdue` events through
 * the outbox, once per source and due date: a notice item joins the outbox message's
 * transaction and refuses the second. Segments are district × shard of the sparse review-due
 * index, so the pass reads only graded sources that are due, never the registry.
 * The same unit of work raises the source's `review-overdue` warning (functions/warnings/
 * sweep.ts `overdueReviewPlan`), so the notice, the event and the warning commit together or not
 * at all: a re-run finds the notice and raises nothing twice.
 */
export function reviewDuePlan(store: Store, now: Date, pageSize = PAGE): PassPlan<DueSource> {
  const id = reviewDuePassId(now);
  const timing = async (district: string) => (await timingFor(store, district)).timing;
  const before = now.toISOString();
  return {
    id,
    kind: "review-due",
    segments: DISTRICT_SHARD_SEGMENTS,
    readPage: async (segment, cursor) => {
      const { district, shard } = districtShardOf(segment);
      const page = await store.entities.riskSource.query
        .reviewDue({ district, shard })
        .lt({ nextReviewAt: before })
        .go({ cursor, limit: pageSize });
      return {
        items: page.data.map((item) => ({ tenantId: item.tenantId, record: item.record })),
        cursor: page.cursor,
      };
    },
    act: async ({ tenantId, record }) => {
      const due = record.nextReviewAt;
      if (!due) return false;
      const envelope = reviewOverdueEnvelope(tenantId, record, now);
      const warning = await overdueReviewPlan(store, record, now, timing);
      const outcome = await attemptTogether(store, [
        {
          action: (tx) =>
            tx.reviewNotice
              .create({ tenantId, sourceId: record.id, dueAt: due, passId: id })
              .commit(),
        },
        eventStep(envelope, now),
        ...warning.steps,
      ]);
      if (outcome.committed) return true;
      // Announced on an earlier day (inside a rule set's grace days): the warning comes alone.
      if (warning.steps.length > 0 && outcome.failedSteps.every((i) => i === 0)) {
        return (await attemptTogether(store, warning.steps)).committed;
      }
      return false;
    },
  };
}
