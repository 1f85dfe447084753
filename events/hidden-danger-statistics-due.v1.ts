import * as z from "zod";
import { HiddenDangerStatsSchema } from "../shared/hidden-dangers/statistics.ts";

/**
 * An enterprise's hidden-danger statistics for a quarter or a year are to be reported
 * (隐患排查治理统计, domain.md §7): the quarterly reminder, once per enterprise and period, with
 * the period's figures as the platform counted them and the deadline.
 */
export const type = "hidden-danger.statistics-due";
export const version = 1;

export const HiddenDangerStatisticsDueV1Schema = HiddenDangerStatsSchema.extend({
  enterpriseName: z.string(),
});
export type HiddenDangerStatisticsDueV1 = z.infer<typeof HiddenDangerStatisticsDueV1Schema>;
