import type { ReportRequest } from "../../shared/reports/report-job.ts";
import {
  coverageTable,
  majorRiskTable,
  type NamedSource,
  overdueReviewTable,
  type ReportTable,
  trendTable,
} from "../../shared/reports/report-table.ts";
import type { RiskSourceListQuery } from "../../shared/risk/list-query.ts";
import { summaryOf } from "../../shared/stats/contribution.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { maskContactsFor } from "../../shared/tenancy/masking.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { reachable } from "../exchange/risk-source-export.ts";
import { enterpriseNames } from "../registry/row-names.ts";
import { readScopeCounts, readTrends } from "../stats/stats-reader.ts";

/**
 * Every source the scope reaches under the filters, through the registry's own listing (so the
 * report sees exactly what the official's listing shows, and the reads are audited the same
 * way), each with its enterprise's name and contacts masked as the official may see them.
 */
async function namedSources(
  store: Store,
  caller: Caller,
  scope: Scope,
  filters: Omit<RiskSourceListQuery, "cursor" | "limit">,
): Promise<NamedSource[]> {
  const sources = await reachable(caller, scope, filters);
  const names = await enterpriseNames(
    store,
    sources.map((s) => s.tenantId),
  );
  return sources.map((source) => ({
    source: maskContactsFor(caller.role, source, source.tenantId === caller.tenantId),
    enterpriseName: names.get(source.tenantId) ?? source.enterpriseId,
  }));
}

/** The table a report is written from, read within the scope it was asked in. */
export async function reportTable(
  store: Store,
  caller: Caller,
  scope: Scope,
  request: ReportRequest,
  now: Date,
): Promise<ReportTable> {
  switch (request.kind) {
    case "majorRisks":
      return majorRiskTable(await namedSources(store, caller, scope, { level: "major" }));
    case "overdueReviews":
      return overdueReviewTable(
        await namedSources(store, caller, scope, { reviewDueBefore: now.toISOString() }),
        now,
      );
    case "trends": {
      const { from, to } = request;
      const trends = await readTrends(
        store,
        scope,
        { ...(from ? { from } : {}), ...(to ? { to } : {}) },
        now,
      );
      return trendTable(trends.points);
    }
    case "coverage": {
      const { counts, asOf } = await readScopeCounts(store, scope, now);
      return coverageTable(summaryOf(counts, asOf).coverage);
    }
  }
}
