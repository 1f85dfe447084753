import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { LEVELS } from "../methodology/levels.ts";
import { ENTERPRISE_STAGES } from "../stats/enterprise-coverage.ts";

/** `none` lists sources not yet graded. */
export const LevelFilterSchema = z.enum([...LEVELS, "none"]);
export type LevelFilter = z.infer<typeof LevelFilterSchema>;

const paging = {
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

const place = {
  district: DistrictCodeSchema.optional(),
  street: z.string().trim().min(1).max(50).optional(),
  industry: IndustryIdSchema.optional(),
};

/** Filters of a risk-source listing; they only ever narrow what the caller may see. */
export const RiskSourceListQuerySchema = z.strictObject({
  ...place,
  level: LevelFilterSchema.optional(),
  /** Sources whose next review is due on or before this date (YYYY-MM-DD or ISO timestamp). */
  reviewDueBefore: z.union([z.iso.date(), z.iso.datetime()]).optional(),
  /** One enterprise's sources (its tenant id), e.g. on the enterprise's page in the directory. */
  enterprise: z.string().trim().min(1).max(100).optional(),
  ...paging,
});
export type RiskSourceListQuery = z.infer<typeof RiskSourceListQuerySchema>;

/**
 * Filters of the enterprise directory. `stage`: enterprises whose coverage stage is exactly it
 * (known: not registered yet; registered: nothing assessed; assessed: partly assessed or past
 * review; current), as the statistics count them — "which enterprises lag" after "which place".
 */
export const EnterpriseListQuerySchema = z.strictObject({
  ...place,
  stage: z.enum(ENTERPRISE_STAGES).optional(),
  ...paging,
});
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuerySchema>;

/** Every listing answers `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
