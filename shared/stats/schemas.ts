import * as z from "zod";

const Count = z.number().int().nonnegative();

export const LevelCountsSchema = z.strictObject({
  major: Count,
  significant: Count,
  general: Count,
  low: Count,
});

/** Enterprises by stage, each including the next (shared/stats/enterprise-coverage.ts). */
export const EnterpriseCoverageRowSchema = z.strictObject({
  known: Count,
  registered: Count,
  assessed: Count,
  current: Count,
});

export const CoverageRowSchema = z.strictObject({
  registered: Count,
  assessed: Count,
  enterprises: EnterpriseCoverageRowSchema,
});

/**
 * Coverage by district and industry (覆盖情况): sources registered and assessed, and enterprises
 * known, registered, assessed and with current assessments.
 */
export const CoverageSchema = z.strictObject({
  byDistrict: z.record(z.string(), CoverageRowSchema),
  byIndustry: z.record(z.string(), CoverageRowSchema),
});

/** `GET /stats/summary`: the caller's jurisdiction, from folded counters (issue 12). */
export const StatsSummarySchema = z.strictObject({
  byLevel: LevelCountsSchema,
  byDistrict: z.record(z.string(), LevelCountsSchema),
  byIndustry: z.record(z.string(), LevelCountsSchema),
  coverage: CoverageSchema,
  /** Live warnings (预警) by level, and those still waiting to be acknowledged. */
  warnings: z.strictObject({ live: LevelCountsSchema, open: LevelCountsSchema }),
  asOf: z.iso.datetime(),
});

export const AccidentTypeStatsSchema = z.strictObject({
  byAccidentType: z.record(z.string(), LevelCountsSchema),
  asOf: z.iso.datetime(),
});

const BalanceRowSchema = CoverageRowSchema.extend({
  key: z.string(),
  /** Sources assessed / registered. */
  share: z.number().min(0).max(1),
  /** Enterprises with current assessments / enterprises known. */
  currentShare: z.number().min(0).max(1),
});

/**
 * Coverage and the balance view (推进平衡性): places ranked laggards first, by the share of
 * enterprises with current assessments, then by the share of sources assessed.
 */
export const CoverageStatsSchema = z.strictObject({
  coverage: CoverageSchema,
  balance: z.strictObject({
    districts: z.array(BalanceRowSchema),
    industries: z.array(BalanceRowSchema),
  }),
  asOf: z.iso.datetime(),
});
