import {
  AccidentTypeStatsSchema,
  CoverageStatsSchema,
  StatsSummarySchema,
} from "../stats/schemas.ts";
import { TrendQuerySchema, TrendsSchema } from "../stats/trends.ts";
import { OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, problem } from "./route.ts";

const tags = ["stats"] as const;

/**
 * Statistics for officials (统计分析), always for the caller's own jurisdiction and read from
 * counters folded as data change: a query reads the same few items at 10 enterprises as at
 * 500,000.
 */
export const statsContract = {
  summary: {
    method: "GET",
    path: api("/stats/summary"),
    access: { roles: OFFICIAL_ROLES },
    summary:
      "Risk sources of the caller's jurisdiction by level, by district and level, by industry and level, with coverage (registered and assessed)",
    tags,
    responses: { 200: { description: "The summary", schema: StatsSummarySchema } },
  },
  accidentTypes: {
    method: "GET",
    path: api("/stats/accident-types"),
    access: { roles: OFFICIAL_ROLES },
    summary: "Risk sources of the caller's jurisdiction by accident type (GB 6441) and level",
    tags,
    responses: { 200: { description: "Counts", schema: AccidentTypeStatsSchema } },
  },
  coverage: {
    method: "GET",
    path: api("/stats/coverage"),
    access: { roles: OFFICIAL_ROLES },
    summary:
      "Coverage by district and industry and the balance view (推进平衡性): places ranked by the share of sources assessed, laggards first",
    tags,
    responses: { 200: { description: "Coverage", schema: CoverageStatsSchema } },
  },
  trends: {
    method: "GET",
    path: api("/stats/trends"),
    access: { roles: OFFICIAL_ROLES },
    summary:
      "Daily risk sources by level of the caller's jurisdiction (趋势), from end-of-day snapshots plus today's live counters; days in Beijing time, at most 366",
    tags,
    request: { query: TrendQuerySchema },
    responses: {
      200: { description: "Daily points, oldest first", schema: TrendsSchema },
      400: problem("Invalid range, listed per field"),
    },
  },
} as const satisfies Contract;
