import type { ReviewQueueItem } from "../../shared/risk/assessment.ts";
import {
  overdueBefore,
  planReviewQueue,
  type QueuePlan,
  type ReviewQueueQuery,
} from "../../shared/risk/review-queue.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { countQuery } from "../adapters/dynamodb/count-query.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { recordReads } from "../audit/audit-log.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { enterpriseNames, riskSourceNames } from "./row-names.ts";

type AssessmentEntity = Store["entities"]["assessment"];
type QueueRow = { record: ReviewQueueItem; riskSourceName?: string; enterpriseName?: string };

/**
 * Alternatives joined by OR, in parentheses only when there are several: DynamoDB refuses a
 * filter with redundant parentheses (`((a AND b))`).
 */
const anyOf = (alternatives: readonly string[]) =>
  alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(" OR ")})`;

/** The query of a plan, filters applied in the database (ElectroDB `where`). */
function queueQuery(entity: AssessmentEntity, plan: QueuePlan, query: ReviewQueueQuery, now: Date) {
  const { queue } = plan;
  const keyed =
    queue.index === "district"
      ? entity.query.reviewByDistrict({ district: queue.district })
      : queue.index === "industry"
        ? entity.query.reviewByIndustry({ industry: queue.industry })
        : entity.query.reviewByCity({ status: "submitted" });
  // Overdue is a range of the sort key (submission time), not a filter.
  const ranged = query.overdue === "true" ? keyed.lt({ submittedAt: overdueBefore(now) }) : keyed;
  return ranged.where((a, op) => {
    const parts: string[] = [];
    if (plan.places.length > 0) {
      const places = plan.places.map((p) =>
        p.street === undefined
          ? op.eq(a.district, p.district)
          : `(${op.eq(a.district, p.district)} AND ${op.eq(a.street, p.street)})`,
      );
      parts.push(anyOf(places));
    }
    if (plan.industries.length > 0) {
      parts.push(anyOf(plan.industries.map((i) => op.eq(a.industry, i))));
    }
    const level: string | undefined = query.level;
    if (level !== undefined) parts.push(op.eq(a.level, level));
    if (query.q !== undefined) {
      parts.push(
        `(${op.contains(a.riskSourceName, query.q)} OR ${op.contains(a.enterpriseName, query.q)})`,
      );
    }
    return parts.join(" AND ");
  });
}

/** Names for rows written before the queue carried them: two batch reads for the page, never per row. */
async function withNames(store: Store, rows: readonly QueueRow[]): Promise<ReviewQueueItem[]> {
  const unnamed = rows.filter(
    (r) => r.riskSourceName === undefined || r.enterpriseName === undefined,
  );
  const [sources, enterprises] = await Promise.all([
    riskSourceNames(
      store,
      unnamed.map((r) => ({ tenantId: r.record.tenantId, id: r.record.riskSourceId })),
    ),
    enterpriseNames(
      store,
      unnamed.map((r) => r.record.tenantId),
    ),
  ]);
  return rows.map(({ record, riskSourceName, enterpriseName }) => {
    const source = riskSourceName ?? sources.get(record.riskSourceId);
    const enterprise = enterpriseName ?? enterprises.get(record.tenantId);
    return {
      ...record,
      ...(source === undefined ? {} : { riskSourceName: source }),
      ...(enterprise === undefined ? {} : { enterpriseName: enterprise }),
    };
  });
}

/**
 * Submitted assessments in an official's jurisdiction, newest (or oldest) first: one query of
 * one sparse review queue per page (shared/risk/review-queue.ts plans which), filtered in the
 * database, with the names the rows show stored on them. The first page also counts the matches.
 */
export async function reviewQueue(
  caller: Caller,
  scope: Scope,
  query: ReviewQueueQuery,
  now = new Date(),
): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null; total?: number }> {
  const plan = scope.kind === "jurisdiction" ? planReviewQueue(scope.jurisdiction, query) : null;
  if (plan === null) return { items: [], nextCursor: null, ...(query.cursor ? {} : { total: 0 }) };
  const store = functionStore();
  const entity = store.entities.assessment;
  const order = query.order === "oldest" ? "asc" : "desc";
  const id = JSON.stringify([plan, query.level, query.q, query.overdue, order]);
  const [page, total] = await Promise.all([
    walkPartitions<QueueRow>(
      [
        {
          id,
          read: async (cursor, limit) => {
            const found = await queueQuery(entity, plan, query, now).go({ cursor, limit, order });
            return { items: found.data as QueueRow[], cursor: found.cursor };
          },
        },
      ],
      query.cursor,
      query.limit,
    ),
    query.cursor === undefined
      ? countQuery(store, queueQuery(entity, plan, query, now).params())
      : undefined,
  ]);
  await recordReads(
    store,
    caller,
    page.items.map(({ record: a }) => ({
      tenantId: a.tenantId,
      target: { type: "assessment", id: a.id },
    })),
  );
  const items = await withNames(store, page.items);
  return { items, nextCursor: page.nextCursor, ...(total === undefined ? {} : { total }) };
}
