import type { Assessment, ReviewQueueItem } from "../../shared/risk/assessment.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { planJurisdictionQueries, type Scope } from "../../shared/tenancy/scope.ts";
import { recordReads } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore } from "../platform/data/request-store.ts";
import type { Page } from "./risk-source-listing.ts";
import { enterpriseNames, riskSourceNames } from "./row-names.ts";

/**
 * Submitted assessments in an official's jurisdiction, from the sparse review-queue indexes
 * (an assessment leaves them when reviewed or superseded).
 */
export async function reviewQueue(
  caller: Caller,
  scope: Scope,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<ReviewQueueItem>> {
  if (scope.kind !== "jurisdiction") return { items: [], nextCursor: null };
  const store = functionStore();
  const entity = store.entities.assessment;
  const partitions: Partition<Assessment>[] = planJurisdictionQueries(scope.jurisdiction).map(
    (plan) => ({
      id: `${plan.index}:${plan.index === "district" ? plan.district : plan.industry}:${plan.prefix.join("/")}`,
      read: async (cursor, limit) => {
        const q =
          plan.index === "district"
            ? entity.query.reviewByDistrict({
                district: plan.district,
                ...(plan.prefix[0] === undefined ? {} : { street: plan.prefix[0] }),
              })
            : entity.query.reviewByIndustry({
                industry: plan.industry,
                ...(plan.prefix[0] === undefined ? {} : { district: plan.prefix[0] }),
                ...(plan.prefix[1] === undefined ? {} : { street: plan.prefix[1] }),
              });
        const page = await q.go({ cursor, limit });
        return { items: page.data.map((d) => d.record), cursor: page.cursor };
      },
    }),
  );
  const page = await walkPartitions(partitions, query.cursor, query.limit);
  await recordReads(
    store,
    caller,
    page.items.map((a) => ({ tenantId: a.tenantId, target: { type: "assessment", id: a.id } })),
  );
  // What each row is called, read in two batches for the page (never per row, never by the browser).
  const [sources, enterprises] = await Promise.all([
    riskSourceNames(
      store,
      page.items.map((a) => ({ tenantId: a.tenantId, id: a.riskSourceId })),
    ),
    enterpriseNames(
      store,
      page.items.map((a) => a.tenantId),
    ),
  ]);
  return {
    ...page,
    items: page.items.map((a) => {
      const riskSourceName = sources.get(a.riskSourceId);
      const enterpriseName = enterprises.get(a.tenantId);
      return {
        ...a,
        ...(riskSourceName === undefined ? {} : { riskSourceName }),
        ...(enterpriseName === undefined ? {} : { enterpriseName }),
      };
    }),
  };
}
