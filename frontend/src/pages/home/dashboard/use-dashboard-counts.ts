import { useQuery } from "@tanstack/react-query";
import { registryContract } from "../../../../../shared/contracts/registry.ts";
import { LEVELS } from "../../../../../shared/methodology/levels.ts";
import { useApi } from "../../../api/api-context.tsx";
import { callRoute } from "../../../api/call.ts";
import { listRiskSources } from "../../../api/registry/risk-sources.ts";
import { useStatsSummary } from "../../../api/stats.ts";
import { listSignups } from "../../../api/tenancy.ts";
import { listWarnings } from "../../../api/warnings.ts";

/** A count read from a first page: exact, or "at least" when more pages follow. */
export interface PageCount {
  count: number;
  more: boolean;
}

const pageCount = (page: { items: unknown[]; nextCursor: string | null }): PageCount => ({
  count: page.items.length,
  more: page.nextCursor !== null,
});

/** The review queue's total (the route counts on its first page; one row is asked for). */
export function useQueueTotal(overdue: boolean, enabled: boolean) {
  const client = useApi();
  return useQuery({
    queryKey: ["dashboard", "reviews", overdue],
    enabled,
    queryFn: async ({ signal }) => {
      const page = await callRoute(client, registryContract.reviewQueue, {
        query: { limit: 1, ...(overdue ? { overdue: "true" } : {}) },
        signal,
      });
      return page.total ?? page.items.length;
    },
  });
}

/**
 * Warnings to acknowledge, sources past their review date, sign-ups to approve. An official's
 * counts are exact at any scale: warnings from the folded statistics, overdue sources from the
 * listing's total; an enterprise counts its own first page of warnings.
 */
export function useTodoCounts(options: { official: boolean; approvals: boolean }) {
  const client = useApi();
  const summary = useStatsSummary(options.official);
  const ownWarnings = useQuery({
    queryKey: ["dashboard", "warnings-open"],
    enabled: !options.official,
    queryFn: async ({ signal }) =>
      pageCount(await listWarnings(client, { status: "open" }, undefined, signal)),
  });
  const open = summary.data?.warnings.open;
  const warnings = options.official
    ? { data: open ? { count: LEVELS.reduce((n, l) => n + open[l], 0), more: false } : undefined }
    : ownWarnings;
  const overdueSources = useQuery({
    queryKey: ["dashboard", "sources-overdue"],
    enabled: options.official,
    queryFn: async ({ signal }) => {
      const page = await listRiskSources(
        client,
        { reviewDueBefore: new Date().toISOString() },
        undefined,
        signal,
        1,
      );
      return { count: page.total ?? page.items.length, more: false };
    },
  });
  const signups = useQuery({
    queryKey: ["dashboard", "signups"],
    enabled: options.approvals,
    queryFn: async ({ signal }) => {
      const page = await listSignups(client, undefined, signal);
      return {
        count: page.items.filter((s) => s.status === "pending").length,
        more: page.nextCursor !== null,
      };
    },
  });
  return { warnings, overdueSources, signups };
}
